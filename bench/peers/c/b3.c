/* b3.c: BENCH.md B3 (Izhikevich 2003 network) in C, the algorithm of
 * neurokit/network written plainly: noise from a 256-layer ziggurat on four
 * interleaved xoshiro256++ streams, K sorted targets per neuron with their
 * weights (float), the synaptic sum in double into one array, then one fused
 * pass of noise and membrane update. It measures what a compiler makes of the
 * same arithmetic on this machine: compiled with -O2 -fno-tree-vectorize it is
 * the scalar C limit of BENCH.md; with -O3 -march=native, what auto-
 * vectorisation adds.
 *
 * usage: b3 N [variant]    (N ≤ 1000: dense; else K = 100 targets)
 * prints one RESULT line with peer=c.
 */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

typedef struct { uint64_t s[4]; } xo;

static inline uint64_t rotl(uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }

static inline uint64_t xo_next(xo *x) {
    uint64_t *s = x->s;
    uint64_t r = rotl(s[0] + s[3], 23) + s[0], t = s[1] << 17;
    s[2] ^= s[0]; s[3] ^= s[1]; s[1] ^= s[2]; s[0] ^= s[3]; s[2] ^= t; s[3] = rotl(s[3], 45);
    return r;
}

static xo xo_seed(uint64_t seed, uint64_t stream) {
    uint64_t z = seed ^ rotl(stream, 32) ^ (0x6a09e667f3bcc909ULL * stream);
    xo x;
    for (int k = 0; k < 4; k++) {
        z += 0x9e3779b97f4a7c15ULL;
        uint64_t s = z;
        s = (s ^ (s >> 30)) * 0xbf58476d1ce4e5b9ULL;
        s = (s ^ (s >> 27)) * 0x94d049bb133111ebULL;
        x.s[k] = s ^ (s >> 31);
    }
    return x;
}

/* Lemire's unbiased bounded integer, as network's xoshiro.intN. */
static uint64_t intn(xo *x, uint64_t n) {
    unsigned __int128 p = (unsigned __int128)xo_next(x) * n;
    if ((uint64_t)p < n) {
        uint64_t thresh = -n % n;
        while ((uint64_t)p < thresh) p = (unsigned __int128)xo_next(x) * n;
    }
    return (uint64_t)(p >> 64);
}

static double unit(xo *x) { return (double)(xo_next(x) >> 11) * 0x1p-53; }
static double unit_open(xo *x) { return (double)((xo_next(x) >> 11) + 1) * 0x1p-53; }

#define ZR 3.6541528853610088
static double zx[257], zf[257], zw[256];
static uint64_t zk[256];

static void zig_init(void) {
    double v = ZR * exp(-0.5 * ZR * ZR) + sqrt(M_PI / 2) * erfc(ZR / M_SQRT2);
    zx[0] = v / exp(-0.5 * ZR * ZR);
    zx[1] = ZR;
    for (int i = 1; i < 255; i++) zx[i + 1] = sqrt(-2 * log(exp(-0.5 * zx[i] * zx[i]) + v / zx[i]));
    zx[256] = 0;
    for (int i = 0; i < 257; i++) zf[i] = exp(-0.5 * zx[i] * zx[i]);
    zf[0] = 0;
    for (int i = 0; i < 256; i++) {
        zw[i] = zx[i] * 0x1p-52;
        zk[i] = (uint64_t)(zx[i + 1] / zx[i] * 0x1p52);
    }
}

static double zig_slow(xo *aux, uint64_t i, int64_t j) {
    for (;;) {
        if (i == 0) {
            for (;;) {
                double a = -log(unit_open(aux)) / ZR, b = -log(unit_open(aux));
                if (b + b > a * a) return j < 0 ? -ZR - a : ZR + a;
            }
        }
        double x = (double)j * zw[i];
        if (zf[i] + unit_open(aux) * (zf[i + 1] - zf[i]) < exp(-0.5 * x * x)) return x;
        uint64_t u = xo_next(aux);
        i = u & 255;
        j = (int64_t)u >> 11;
        int64_t m = j >> 63;
        if ((uint64_t)((j ^ m) - m) < zk[i]) return (double)j * zw[i];
    }
}

/* n normals into z (n ≤ 256): draw k from lane k mod 4. */
static void fill_normal(double *z, int n, xo lane[4], xo *aux) {
    uint64_t bits[256];
    int n4 = (n + 3) & ~3;
    for (int l = 0; l < 4; l++)
        for (int k = l; k < n4; k += 4) bits[k] = xo_next(&lane[l]);
    for (int k = 0; k < n; k++) {
        uint64_t u = bits[k], i = u & 255;
        int64_t j = (int64_t)u >> 11, m = j >> 63;
        z[k] = (uint64_t)((j ^ m) - m) < zk[i] ? (double)j * zw[i] : zig_slow(aux, i, j);
    }
}

static double cpu_seconds(void) {
    struct timespec t;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
    return t.tv_sec + 1e-9 * t.tv_nsec;
}
static double wall_seconds(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec + 1e-9 * t.tv_nsec;
}

static int cmp_int(const void *a, const void *b) { return *(const int *)a - *(const int *)b; }

int main(int argc, char **argv) {
    int N = argc > 1 ? atoi(argv[1]) : 1000, K = 100, Ne = N * 8 / 10;
    const char *variant = argc > 2 ? argv[2] : "scalar";
    uint64_t seed = 1;
    double t0 = wall_seconds();
    zig_init();
    int dense = N <= 1000;
    double *a = malloc(N * sizeof *a), *b = malloc(N * sizeof *b), *c = malloc(N * sizeof *c),
           *d = malloc(N * sizeof *d), *v = malloc(N * sizeof *v), *u = malloc(N * sizeof *u),
           *syn = calloc(N, sizeof *syn);
    xo rng = xo_seed(seed, 0);
    for (int i = 0; i < N; i++) {
        double r = unit(&rng);
        if (i < Ne) { a[i] = 0.02; b[i] = 0.2; c[i] = -65 + 15 * r * r; d[i] = 8 - 6 * r * r; }
        else { a[i] = 0.02 + 0.08 * r; b[i] = 0.25 - 0.05 * r; c[i] = -65; d[i] = 2; }
        v[i] = -65;
        u[i] = b[i] * v[i];
    }
    float *W = NULL, *ws = NULL;
    int *tg = NULL;
    if (dense) {
        W = malloc((size_t)N * N * sizeof *W);
        for (int j = 0; j < N; j++)
            for (int i = 0; i < N; i++) W[(size_t)j * N + i] = j < Ne ? (float)(0.5 * unit(&rng)) : (float)-unit(&rng);
    } else {
        tg = malloc((size_t)N * K * sizeof *tg);
        ws = malloc((size_t)N * K * sizeof *ws);
        int *mark = calloc(N, sizeof *mark);
        for (int j = 0; j < N; j++) {
            int *row = tg + (size_t)j * K;
            for (int k = 0, top = N - K; top < N; k++, top++) { /* Floyd */
                int t = (int)intn(&rng, (uint64_t)top + 1);
                if (mark[t] == j + 1) t = top;
                mark[t] = j + 1;
                row[k] = t;
            }
            qsort(row, K, sizeof *row, cmp_int);
            for (int k = 0; k < K; k++) ws[(size_t)j * K + k] = j < Ne ? (float)(0.5 * unit(&rng)) : (float)-unit(&rng);
        }
        free(mark);
    }
    int nblocks = (N + 4095) / 4096;
    xo (*lanes)[4] = malloc(nblocks * sizeof *lanes);
    xo *aux = malloc(nblocks * sizeof *aux);
    for (int k = 0; k < nblocks; k++) {
        for (int l = 0; l < 4; l++) lanes[k][l] = xo_seed(seed, 8 * k + 8 + l);
        aux[k] = xo_seed(seed, 8 * k + 12);
    }
    int *fired = malloc(N * sizeof *fired), *next = malloc(N * sizeof *next), nfired = 0;
    long spikes = 0;
    double z[256];
    double setup = wall_seconds() - t0, c0 = cpu_seconds(), w0 = wall_seconds();
    for (int step = 0; step < 1000; step++) {
        spikes += nfired;
        for (int q = 0; q < nfired; q++) {
            int j = fired[q];
            v[j] = c[j];
            u[j] += d[j];
            if (dense) {
                const float *row = W + (size_t)j * N;
                for (int i = 0; i < N; i++) syn[i] += row[i];
            } else {
                const int *row = tg + (size_t)j * K;
                const float *w = ws + (size_t)j * K;
                for (int k = 0; k < K; k++) syn[row[k]] += w[k];
            }
        }
        int nn = 0;
        for (int lo = 0; lo < N; lo += 256) {
            int hi = lo + 256 < N ? lo + 256 : N, blk = lo / 4096;
            fill_normal(z, hi - lo, lanes[blk], &aux[blk]);
            for (int i = lo; i < hi; i++) {
                double in = (i < Ne ? 5.0 : 2.0) * z[i - lo] + syn[i], vi = v[i], ui = u[i];
                syn[i] = 0;
                vi += 0.5 * ((0.04 * vi + 5) * vi + 140 - ui + in);
                vi += 0.5 * ((0.04 * vi + 5) * vi + 140 - ui + in);
                v[i] = vi;
                u[i] = ui + a[i] * (b[i] * vi - ui);
                if (vi >= 30) next[nn++] = i;
            }
        }
        int *t = fired; fired = next; next = t; nfired = nn;
    }
    double cpu = cpu_seconds() - c0, wall = wall_seconds() - w0;
    printf("RESULT peer=c variant=%s bench=B3 size=%d sim_s=%.4f sim_cpu_s=%.4f total_s=%.4f setup_s=%.4f "
           "compile_s=na spikes=%ld rate_hz=%.3f\n",
           variant, N, wall, cpu, wall_seconds() - t0, setup, spikes, (double)spikes / N);
    return 0;
}
