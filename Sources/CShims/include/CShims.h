#ifndef GLUESCRIPT_CSHIMS_H
#define GLUESCRIPT_CSHIMS_H
#include "lua_shims.h"
#include "process_shims.h"
#include "stdio_shims.h"
#include "termination_shims.h"
#endif
