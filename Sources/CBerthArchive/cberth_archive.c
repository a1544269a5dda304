// Thin pass-throughs for calls Swift cannot make directly. See cberth_archive.h.
#define _GNU_SOURCE
#include "cberth_archive.h"

#include <fcntl.h>
#include <sys/syscall.h>
#include <sys/sysmacros.h>
#include <sys/xattr.h>
#include <unistd.h>

#ifndef SYS_openat2
#define SYS_openat2 437
#endif

struct berth_archive_open_how {
    uint64_t flags;
    uint64_t mode;
    uint64_t resolve;
};

int berth_archive_openat2(int dirfd, const char *path, uint64_t flags, uint64_t mode, uint64_t resolve) {
    struct berth_archive_open_how how = {flags, mode, resolve};
    return (int)syscall(SYS_openat2, dirfd, path, &how, sizeof(how));
}

int berth_archive_openat(int dirfd, const char *path, int flags, mode_t mode) {
    return openat(dirfd, path, flags, mode);
}

int berth_archive_lsetxattr(const char *path, const char *name, const void *value, size_t size, int flags) {
    return lsetxattr(path, name, value, size, flags);
}

ssize_t berth_archive_llistxattr(const char *path, char *list, size_t size) {
    return llistxattr(path, list, size);
}

ssize_t berth_archive_lgetxattr(const char *path, const char *name, void *value, size_t size) {
    return lgetxattr(path, name, value, size);
}

dev_t berth_archive_makedev(unsigned int major, unsigned int minor) {
    return makedev(major, minor);
}

unsigned int berth_archive_major(dev_t device) {
    return major(device);
}

unsigned int berth_archive_minor(dev_t device) {
    return minor(device);
}
