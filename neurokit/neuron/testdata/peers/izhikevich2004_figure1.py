"""The 20 panels of Izhikevich (2004), fig. 1, transcribed from the loop of
Izhikevich's figure1.m (izhikevich.org) into plain Python, for
peers_test.go: the reference for neuron.Izhikevich2004Protocols and
Protocol.Simulate(nil) (the published scheme).

Run with any python3 (no packages needed):

    /usr/bin/python3 izhikevich2004_figure1.py > izhikevich2004_figure1.txt

figure1.m's loop, for t in tspan = 0:tau:T:
    I = I(t)
    V = V + tau*(0.04*V^2 + 5*V + 140 - u + I)     (4.1*V + 108 in G and L)
    u = u + tau*a*(b*V - u)                          (tau*a*(b*(V+65)) in R)
    if V > 30: spike, V = c, u = u + d
The spike is printed at t + tau, the end of the step (figure1.m draws it at
t). The loop runs len(tspan) = T/tau + 1 steps; spikes after T are not
printed (the Go model stops at T).
"""

P = {}
P["A"] = dict(a=0.02, b=0.2, c=-65, d=6, V=-70, tau=0.25, T=100, I=lambda t: 14 if t > 10 else 0)
P["B"] = dict(a=0.02, b=0.25, c=-65, d=6, V=-64, tau=0.25, T=200, I=lambda t: 0.5 if t > 20 else 0)
P["C"] = dict(a=0.02, b=0.2, c=-50, d=2, V=-70, tau=0.25, T=220, I=lambda t: 15 if t > 22 else 0)
P["D"] = dict(a=0.02, b=0.25, c=-55, d=0.05, V=-64, tau=0.2, T=200, I=lambda t: 0.6 if t > 20 else 0)
P["E"] = dict(a=0.02, b=0.2, c=-55, d=4, V=-70, tau=0.25, T=160, I=lambda t: 10 if t > 16 else 0)
P["F"] = dict(a=0.01, b=0.2, c=-65, d=8, V=-70, tau=0.25, T=85, I=lambda t: 30 if t > 8.5 else 0)
P["G"] = dict(a=0.02, b=-0.1, c=-55, d=6, V=-60, tau=0.25, T=300, k1=4.1, k0=108,
              I=lambda t: 0.075 * (t - 30) if t > 30 else 0)
P["H"] = dict(a=0.2, b=0.26, c=-65, d=0, V=-64, tau=0.25, T=300,
              I=lambda t: -0.5 + 0.015 * (t - 30) if t > 30 else -0.5)
P["I"] = dict(a=0.02, b=0.2, c=-65, d=6, V=-70, tau=0.2, T=100, I=lambda t: 7.04 if 10 < t < 13 else 0)
P["J"] = dict(a=0.05, b=0.26, c=-60, d=0, V=-62, tau=0.25, T=200, I=lambda t: 2 if 20 < t < 25 else 0)


def pulses(amp, w, ons, base=0.0):
    return lambda t: amp if any(on < t < on + w for on in ons) else base


P["K"] = dict(a=0.1, b=0.26, c=-60, d=-1, V=-62, tau=0.25, T=400, I=pulses(0.65, 4, [40, 60, 280, 320]))
P["L"] = dict(a=0.02, b=-0.1, c=-55, d=6, V=-60, tau=0.25, T=100, k1=4.1, k0=108,
              I=pulses(9, 2, [100 / 11, 100 / 11 + 5, 70, 80]))
P["M"] = dict(a=0.03, b=0.25, c=-60, d=4, V=-64, tau=0.2, T=200, I=lambda t: -15 if 20 < t < 25 else 0)
P["N"] = dict(a=0.03, b=0.25, c=-52, d=0, V=-64, tau=0.2, T=200, I=lambda t: -15 if 20 < t < 25 else 0)
P["O"] = dict(a=0.03, b=0.25, c=-60, d=4, V=-64, tau=0.25, T=100,
              I=lambda t: 1 if (10 < t < 15 or 80 < t < 85) else (-6 if 70 < t < 75 else 0))
P["P"] = dict(a=0.1, b=0.26, c=-60, d=0, V=-61, tau=0.25, T=300, I=pulses(1.24, 5, [300 / 8, 216], base=0.24))
P["Q"] = dict(a=1, b=0.2, c=-60, d=-21, V=-70, tau=0.1, T=50, I=lambda t: 20 if abs(t - 10) < 1 else 0)
P["R"] = dict(a=0.02, b=1, c=-55, d=4, V=-65, u=-16, tau=0.5, T=400, accommodation=True,
              I=lambda t: t / 25 if t < 200 else (0 if t < 300 else ((t - 300) / 12.5 * 4 if t < 312.5 else 0)))
P["S"] = dict(a=-0.02, b=-1, c=-60, d=8, V=-63.8, tau=0.5, T=350, I=lambda t: 80 if (t < 50 or t > 250) else 75)
P["T"] = dict(a=-0.026, b=-1, c=-45, d=-2, V=-63.8, tau=0.5, T=350, I=lambda t: 80 if (t < 50 or t > 250) else 75)

print("# izhikevich2004_figure1.py: figure1.m's loop in Python; spike times at the end of the step [ms]")
for name, p in P.items():
    a, b, c, d, tau, T = p["a"], p["b"], p["c"], p["d"], p["tau"], p["T"]
    k1, k0 = p.get("k1", 5), p.get("k0", 140)
    V = p["V"]
    u = p.get("u", b * V)
    n = int(round(T / tau)) + 1
    spikes = []
    for i in range(n):
        t = i * tau
        I = p["I"](t)
        V = V + tau * (0.04 * V ** 2 + k1 * V + k0 - u + I)
        if p.get("accommodation"):
            u = u + tau * a * (b * (V + 65))
        else:
            u = u + tau * a * (b * V - u)
        if V > 30:
            if t + tau <= T + 1e-9:
                spikes.append(t + tau)
            V = c
            u = u + d
    print("panel name=%s n=%d t=%s" % (name, len(spikes), ",".join("%.4f" % x for x in spikes)))
