#ifndef GLUESCRIPT_STDIO_SHIMS_H
#define GLUESCRIPT_STDIO_SHIMS_H
#include <stdio.h>

/* The C library's standard streams. Swift sees `stdout` and `stderr` as mutable globals, which
   Swift 6 refuses to read from any thread; these accessors read them in C. */
static inline FILE *gs_stdout(void) { return stdout; }
static inline FILE *gs_stderr(void) { return stderr; }

#endif
