// libfcgi's request API (Debian: libfcgi-dev), imported only by ShelfHTTP's FastCGI transport.
#include <fcgiapp.h>
