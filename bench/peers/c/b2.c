/* b2.c: BENCH.md B2 (HH F-I curve, N neurons, RK4 at dt = 0.01 ms, 1000 ms)
 * in C, the algorithm of neurokit/network's HHPopulation: the gate
 * coefficients a_x = α_x, s_x = α_x + β_x from a 0.1 mV table over
 * [−100, 100] mV, linearly interpolated (NEURON's hh.mod TABLE idea), and
 * classical RK4. Neurons are stepped in blocks of 64 held as arrays, one RK4
 * step of every neuron of the block per time step, so that the compiler may
 * vectorise across neurons (table lookups become gathers). Compiled with
 * -O2 -fno-tree-vectorize it is the scalar C limit; with -O3 -march=native,
 * what auto-vectorisation adds.
 *
 * usage: b2 N [variant]    prints one RESULT line with peer=c.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#define TN 2000
#define VMIN (-100.0)
#define VMAX 100.0
#define BLK 64

static double tab[TN + 1][12];

static void rates(double V, double r[6]) {
    double xm = (V + 40) / 10, xn = (V + 55) / 10;
    double am = fabs(xm) < 1e-9 ? 1 : xm / -expm1(-xm);
    double an = 0.1 * (fabs(xn) < 1e-9 ? 1 : xn / -expm1(-xn));
    double bm = 4 * exp(-(V + 65) / 18), ah = 0.07 * exp(-(V + 65) / 20);
    double bh = 1 / (1 + exp(-(V + 35) / 10)), bn = 0.125 * exp(-(V + 65) / 80);
    r[0] = am; r[1] = am + bm; r[2] = ah; r[3] = ah + bh; r[4] = an; r[5] = an + bn;
}

static void tab_init(void) {
    double r0[6], r1[6];
    for (int i = 0; i <= TN; i++) {
        rates(VMIN + i * (VMAX - VMIN) / TN, r0);
        rates(VMIN + (i < TN ? i + 1 : TN) * (VMAX - VMIN) / TN, r1);
        for (int k = 0; k < 6; k++) { tab[i][k] = r0[k]; tab[i][6 + k] = r1[k] - r0[k]; }
    }
}

static const double gNa = 120, gK = 36, gL = 0.3, ENa = 50, EK = -77, EL = -54.387, Cm = 1;

/* f: the HH vector field with table rates. */
static inline void deriv(double V, double m, double h, double n, double I,
                         double *dV, double *dm, double *dh, double *dn) {
    double x = fmin(fmax((V - VMIN) * (TN / (VMAX - VMIN)), 0), TN);
    long i = (long)fmin(x, TN - 1);
    double f = x - i;
    const double *r = tab[i];
    double aM = r[0] + f * r[6], sM = r[1] + f * r[7], aH = r[2] + f * r[8], sH = r[3] + f * r[9];
    double aN = r[4] + f * r[10], sN = r[5] + f * r[11];
    double n2 = n * n;
    *dV = (I - gNa * m * m * m * h * (V - ENa) - gK * n2 * n2 * (V - EK) - gL * (V - EL)) / Cm;
    *dm = aM - sM * m;
    *dh = aH - sH * h;
    *dn = aN - sN * n;
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

int main(int argc, char **argv) {
    int N = argc > 1 ? atoi(argv[1]) : 1000;
    const char *variant = argc > 2 ? argv[2] : "scalar";
    double t0 = wall_seconds();
    tab_init();
    double r[6];
    rates(-65, r);
    double m0 = r[0] / r[1], h0 = r[2] / r[3], n0 = r[4] / r[5];
    const double dt = 0.01;
    long spikes = 0;
    double setup = wall_seconds() - t0, c0 = cpu_seconds(), w0 = wall_seconds();
    for (int lo = 0; lo < N; lo += BLK) {
        int nb = N - lo < BLK ? N - lo : BLK;
        double V[BLK], m[BLK], h[BLK], n[BLK], I[BLK];
        long cnt[BLK];
        for (int k = 0; k < nb; k++) {
            V[k] = -65; m[k] = m0; h[k] = h0; n[k] = n0; cnt[k] = 0;
            I[k] = N > 1 ? 100.0 * (lo + k) / (N - 1) : 0;
        }
        for (int s = 0; s < 100000; s++) {
            for (int k = 0; k < nb; k++) {
                double v = V[k], mm = m[k], hh = h[k], nn = n[k], i0 = I[k];
                double k1v, k1m, k1h, k1n, k2v, k2m, k2h, k2n, k3v, k3m, k3h, k3n, k4v, k4m, k4h, k4n;
                deriv(v, mm, hh, nn, i0, &k1v, &k1m, &k1h, &k1n);
                deriv(v + 0.5 * dt * k1v, mm + 0.5 * dt * k1m, hh + 0.5 * dt * k1h, nn + 0.5 * dt * k1n, i0,
                      &k2v, &k2m, &k2h, &k2n);
                deriv(v + 0.5 * dt * k2v, mm + 0.5 * dt * k2m, hh + 0.5 * dt * k2h, nn + 0.5 * dt * k2n, i0,
                      &k3v, &k3m, &k3h, &k3n);
                deriv(v + dt * k3v, mm + dt * k3m, hh + dt * k3h, nn + dt * k3n, i0, &k4v, &k4m, &k4h, &k4n);
                double vn = v + dt / 6 * (k1v + 2 * k2v + 2 * k3v + k4v);
                m[k] = mm + dt / 6 * (k1m + 2 * k2m + 2 * k3m + k4m);
                h[k] = hh + dt / 6 * (k1h + 2 * k2h + 2 * k3h + k4h);
                n[k] = nn + dt / 6 * (k1n + 2 * k2n + 2 * k3n + k4n);
                cnt[k] += (v < 0) & (vn >= 0);
                V[k] = vn;
            }
        }
        for (int k = 0; k < nb; k++) spikes += cnt[k];
    }
    double cpu = cpu_seconds() - c0, wall = wall_seconds() - w0;
    printf("RESULT peer=c variant=%s bench=B2 size=%d sim_s=%.4f sim_cpu_s=%.4f total_s=%.4f setup_s=%.4f "
           "compile_s=na spikes=%ld\n",
           variant, N, wall, cpu, wall_seconds() - t0, setup, spikes);
    return 0;
}
