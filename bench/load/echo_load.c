/*
 * The macro benchmark's load client, the same for every echo server (and not one of the contenders):
 *   echo_load PORT CONNECTIONS MESSAGE_BYTES SECONDS
 * opens CONNECTIONS connections to 127.0.0.1:PORT; each sends a message, waits until all of it has
 * come back, and sends the next. After one second of warm-up it counts round trips for SECONDS and
 * prints "REQS_PER_SEC P50_US P99_US".
 */
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

typedef struct {
    int fd;
    size_t sent, received;
    double started;
} conn;

static double now(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec + ts.tv_nsec / 1e9;
}

static int cmp(const void *a, const void *b) {
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

int main(int argc, char **argv) {
    if (argc != 5) {
        fprintf(stderr, "usage: echo_load PORT CONNECTIONS MESSAGE_BYTES SECONDS\n");
        return 2;
    }
    int port = atoi(argv[1]), nconn = atoi(argv[2]);
    size_t size = (size_t)atol(argv[3]);
    double seconds = atof(argv[4]);
    char *msg = malloc(size), *buf = malloc(1 << 20);
    memset(msg, 'x', size);
    int ep = epoll_create1(0);
    conn *cs = calloc(nconn, sizeof(conn));
    struct sockaddr_in addr = {.sin_family = AF_INET, .sin_port = htons(port)};
    inet_pton(AF_INET, "127.0.0.1", &addr.sin_addr);
    for (int i = 0; i < nconn; i++) {
        int fd = socket(AF_INET, SOCK_STREAM, 0);
        int one = 1;
        setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
        if (connect(fd, (struct sockaddr *)&addr, sizeof addr) != 0) {
            perror("connect");
            return 1;
        }
        fcntl(fd, F_SETFL, O_NONBLOCK);
        cs[i].fd = fd;
        struct epoll_event ev = {.events = EPOLLIN | EPOLLOUT, .data.u32 = (unsigned)i};
        epoll_ctl(ep, EPOLL_CTL_ADD, fd, &ev);
        cs[i].started = now();
    }
    size_t cap = 1 << 20, nlat = 0;
    double *lat = malloc(cap * sizeof(double));
    long done = 0;
    double t0 = now(), measure_from = t0 + 1.0, end = measure_from + seconds;
    struct epoll_event evs[1024];
    while (now() < end) {
        int n = epoll_wait(ep, evs, 1024, 100);
        for (int e = 0; e < n; e++) {
            conn *c = &cs[evs[e].data.u32];
            if ((evs[e].events & EPOLLOUT) && c->sent < size) {
                ssize_t w = write(c->fd, msg + c->sent, size - c->sent);
                if (w > 0) {
                    c->sent += (size_t)w;
                }
                if (c->sent == size) {
                    struct epoll_event ev = {.events = EPOLLIN, .data.u32 = evs[e].data.u32};
                    epoll_ctl(ep, EPOLL_CTL_MOD, c->fd, &ev);
                }
            }
            if (evs[e].events & (EPOLLIN | EPOLLHUP | EPOLLERR)) {
                for (;;) {
                    ssize_t r = read(c->fd, buf, 1 << 20);
                    if (r > 0) {
                        c->received += (size_t)r;
                        continue;
                    }
                    if (r == 0 || (r < 0 && errno != EAGAIN)) {
                        fprintf(stderr, "connection closed by the server\n");
                        return 1;
                    }
                    break;
                }
                if (c->received >= size && c->sent == size) {
                    double t = now();
                    if (t >= measure_from) {
                        done++;
                        if (nlat == cap) {
                            cap *= 2;
                            lat = realloc(lat, cap * sizeof(double));
                        }
                        lat[nlat++] = t - c->started;
                    }
                    c->sent = 0;
                    c->received = 0;
                    c->started = t;
                    ssize_t w = write(c->fd, msg, size);
                    if (w > 0) {
                        c->sent = (size_t)w;
                    }
                    struct epoll_event ev = {.events = c->sent == size ? EPOLLIN : EPOLLIN | EPOLLOUT,
                                             .data.u32 = evs[e].data.u32};
                    epoll_ctl(ep, EPOLL_CTL_MOD, c->fd, &ev);
                }
            }
        }
    }
    qsort(lat, nlat, sizeof(double), cmp);
    double p50 = nlat ? lat[nlat / 2] : 0, p99 = nlat ? lat[(size_t)(nlat * 0.99)] : 0;
    printf("%.0f %.0f %.0f\n", done / seconds, p50 * 1e6, p99 * 1e6);
    return 0;
}
