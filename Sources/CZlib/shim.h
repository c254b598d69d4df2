#include <zlib.h>

/// inflateInit2 is a macro; this starts a stream that reads gzip or zlib data (header detected).
static inline int gs_inflate_init_auto(z_stream *stream) {
    return inflateInit2(stream, 15 + 32);
}
