// CZlib: the system zlib for BerthArchive's gzip support. zlib's init calls are
// function-like macros (they pass ZLIB_VERSION and sizeof(z_stream)), which Swift
// cannot import, so they are wrapped here as static inline functions.
#ifndef CZLIB_H
#define CZLIB_H

#include <zlib.h>

/// deflateInit2(): windowBits 16+15 writes a gzip wrapper, -15 raw deflate.
static inline int czlib_deflateInit2(z_streamp stream, int level, int windowBits, int memLevel, int strategy) {
    return deflateInit2(stream, level, Z_DEFLATED, windowBits, memLevel, strategy);
}

/// inflateInit2(): windowBits 16+15 reads gzip only, 32+15 detects gzip or zlib.
static inline int czlib_inflateInit2(z_streamp stream, int windowBits) {
    return inflateInit2(stream, windowBits);
}

#endif
