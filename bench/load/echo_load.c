/*
 * The macro benchmark's load client, the same for every echo server (and not one of the contenders):
 *   echo_load PORT CONNECTIONS MESSAGE_BYTES SECONDS [ws]
 * opens CONNECTIONS connections to 127.0.0.1:PORT; each sends a message, waits until all of it has
 * come back, and sends the next. After one second of warm-up it counts round trips for SECONDS and
 * prints "REQS_PER_SEC P50_US P99_US".
 * With "ws", each connection first does a WebSocket opening handshake, and a message is one binary
 * frame (masked, as a client's must be; the key is zero, so the payload bytes stay as they are) whose
 * echo is the server's unmasked frame of the same payload (no compression is offered).
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
    if (argc != 5 && !(argc == 6 && strcmp(argv[5], "ws") == 0)) {
        fprintf(stderr, "usage: echo_load PORT CONNECTIONS MESSAGE_BYTES SECONDS [ws]\n");
        return 2;
    }
    int port = atoi(argv[1]), nconn = atoi(argv[2]), ws = argc == 6;
    size_t payload = (size_t)atol(argv[3]);
    double seconds = atof(argv[4]);
    /* ws: a frame header of 2 bytes, 2 more for a 126..65535 length, 8 for more; the client's has a 4-byte key */
    size_t head = !ws ? 0 : payload <= 125 ? 2 : payload <= 65535 ? 4 : 10;
    size_t size = payload + head + (ws ? 4 : 0), expect = payload + head;
    char *msg = calloc(1, size), *buf = malloc(1 << 20);
    memset(msg + size - payload, 'x', payload);
    if (ws) {
        msg[0] = (char)0x82;
        if (head == 2) {
            msg[1] = (char)(0x80 | payload);
        } else if (head == 4) {
            msg[1] = (char)(0x80 | 126);
            msg[2] = (char)(payload >> 8);
            msg[3] = (char)payload;
        } else {
            msg[1] = (char)(0x80 | 127);
            for (int b = 0; b < 8; b++) {
                msg[2 + b] = (char)((unsigned long long)payload >> (56 - 8 * b));
            }
        }
    }
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
        if (ws) {
            char req[256];
            int n = snprintf(req, sizeof req, "GET / HTTP/1.1\r\nHost: 127.0.0.1:%d\r\nUpgrade: websocket\r\n"
                             "Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                             "Sec-WebSocket-Version: 13\r\n\r\n", port);
            if (write(fd, req, (size_t)n) != n) {
                perror("handshake");
                return 1;
            }
            size_t got = 0;
            while (got < 4 || memcmp(buf + got - 4, "\r\n\r\n", 4) != 0) { /* the answer, byte by byte */
                if (read(fd, buf + got, 1) != 1 || ++got > 4096) {
                    fprintf(stderr, "no WebSocket handshake answer\n");
                    return 1;
                }
            }
            if (strncmp(buf, "HTTP/1.1 101", 12) != 0) {
                fprintf(stderr, "the server refused the WebSocket handshake\n");
                return 1;
            }
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
                if (c->received >= expect && c->sent == size) {
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
