// libfcgi's request API (Debian: libfcgi-dev), as the cart's runtime uses it.
#include <fcgiapp.h>
