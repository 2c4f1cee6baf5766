#include <malloc.h>
#include "CShelfSystem.h"

void c_shelf_trim_heap(void) {
    malloc_trim(0);
}
