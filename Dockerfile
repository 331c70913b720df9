# The classroom image: Debian 12, Go, Jupyter Notebook 6 with the GoNB kernel
# and the course, run as the unprivileged user "student" (uid 1000) with warm
# Go caches, so that a student's first cell compiles in seconds.
#
#   docker build -t modelneurons .            (or: buildah bud -t modelneurons .)
#   docker run --rm -it -p 127.0.0.1:8888:8888 modelneurons
#
# then open the URL it prints (the token is new at every start). Behind
# JupyterHub (DockerSpawner, Zero to JupyterHub: deploy/jupyterhub/) the hub
# runs it with the command jupyterhub-singleuser. `make image-test` builds it
# with buildah and runs a notebook in it with podman.
#
# Layout: /opt/modelneurons is scripts/hub/install.sh's PREFIX (the kernel,
# the course, a read-only Go module cache, a build-cache template);
# /home/student/modelneurons is the student's own copy of the course. At every
# start the entrypoint runs modelneurons-user-setup, which fills an empty home
# (a fresh volume) the same way.
#
# Network use while building: Debian's apt mirror and the Go module proxy
# (the Go toolchain itself comes from the proxy as the module
# golang.org/toolchain, the same file `GOTOOLCHAIN=go1.26.8` fetches). With a
# proxy mirror, pass --build-arg GOPROXY=... At run time Go uses no network.
FROM debian:bookworm

ARG GO_VERSION=1.26.8
ARG GOPROXY=https://proxy.golang.org
# Behind an HTTPS-intercepting proxy, mount its CA bundle for the build and
# name it: --volume /etc/ssl/certs/ca-certificates.crt:/run/host-ca.crt:ro
# --build-arg SSL_CERT_FILE=/run/host-ca.crt (used by curl and go only).
ARG SSL_CERT_FILE
ENV DEBIAN_FRONTEND=noninteractive \
    PATH=/opt/modelneurons/bin:/usr/local/go/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
    GOTOOLCHAIN=local \
    GOFLAGS=-buildvcs=false

# Jupyter from Debian (the packages scripts/ensure-jupyter.sh installs), and
# jupyterhub for jupyterhub-singleuser; Go from the module proxy (module zips
# carry no file modes: restore the executable bits of the tools).
RUN apt-get update -q \
 && apt-get install -y -q --no-install-recommends \
        ca-certificates curl unzip make tini \
        jupyter-notebook jupyter-nbconvert python3-ipykernel python3-jupyter-client \
        python3-nbformat python3-nbclient jupyterhub \
 && rm -rf /var/lib/apt/lists/* \
 && set -eu; arch=$(dpkg --print-architecture); \
    mod="golang.org/toolchain@v0.0.1-go${GO_VERSION}.linux-${arch}"; \
    curl -fsSL -o /tmp/go.zip "${GOPROXY%%,*}/golang.org/toolchain/@v/v0.0.1-go${GO_VERSION}.linux-${arch}.zip"; \
    mkdir /tmp/go; unzip -q /tmp/go.zip -d /tmp/go; \
    mv "/tmp/go/$mod" /usr/local/go; rm -rf /tmp/go /tmp/go.zip; \
    chmod +x /usr/local/go/bin/* /usr/local/go/pkg/tool/*/*; \
    go version

# The course, the kernel and the shared caches (the same install as a hub of
# local users), then nothing of root's own Go caches.
COPY . /tmp/src
RUN cd /tmp/src \
 && scripts/hub/install.sh /opt/modelneurons \
 && install -m 0755 scripts/image/entrypoint.sh /opt/modelneurons/bin/modelneurons-entrypoint \
 && cd / && rm -rf /tmp/src /root/go /root/.cache \
 && useradd --create-home --uid 1000 --shell /bin/bash student

# The student's side, as the student: what the kernelspec sets for kernels,
# for terminals too; their own course copy, custom.js, and a build cache with
# the library compiled at the path their notebooks use. (runuser rather than
# USER before RUN: buildah's chroot isolation cannot exec as a non-root user.)
ENV MODELNEURONS_PREFIX=/opt/modelneurons \
    JUPYTER_PATH=/opt/modelneurons/share/jupyter \
    GOMODCACHE=/opt/modelneurons/gomodcache \
    GOPROXY=off \
    GOSUMDB=off
RUN cd /home/student && runuser -u student -- sh -c \
    'modelneurons-user-setup && modelneurons-warm-cache "$HOME/modelneurons" && go clean -testcache'
USER student
WORKDIR /home/student

EXPOSE 8888
# tini as PID 1 passes `docker stop` (SIGTERM) on to Jupyter, which then shuts
# its kernels down.
ENTRYPOINT ["/usr/bin/tini", "-g", "--", "/opt/modelneurons/bin/modelneurons-entrypoint"]
CMD []
