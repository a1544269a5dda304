// CZstd: the system libzstd for BerthArchive's zstd support (streaming API only).
#ifndef CZSTD_H
#define CZSTD_H

#include <zstd.h>

#endif
