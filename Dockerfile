# The classroom environment: Debian 12, Go, Jupyter Notebook with the Go
# kernel, this repository, its tools and its module cache. The container
# serves the notebooks on port 8888:
#
#   docker build -t modelneurons .
#   docker run --rm -it -p 8888:8888 modelneurons
#
# then open the URL it prints (the token is new at every start).
#
# Network use while building: Debian's apt mirror, and the Go module proxy
# (the Go toolchain itself comes from the proxy as the module
# golang.org/toolchain, the same file `GOTOOLCHAIN=go1.26.8` fetches). No
# other site. With a proxy mirror, pass --build-arg GOPROXY=...
FROM debian:bookworm

ARG GO_VERSION=1.26.8
ARG GOPROXY=https://proxy.golang.org
# Behind an HTTPS-intercepting proxy, mount its CA bundle for the build and
# name it: --volume /etc/ssl/certs/ca-certificates.crt:/run/host-ca.crt:ro
# --build-arg SSL_CERT_FILE=/run/host-ca.crt (used by curl and go only).
ARG SSL_CERT_FILE
ENV DEBIAN_FRONTEND=noninteractive \
    PATH=/usr/local/go/bin:/root/go/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
    GOTOOLCHAIN=local \
    GOPROXY=${GOPROXY} \
    GOFLAGS=-buildvcs=false

# Jupyter from Debian (the same packages scripts/ensure-jupyter.sh installs),
# plus what the build needs and an init process.
RUN apt-get update -q \
 && apt-get install -y -q --no-install-recommends \
        ca-certificates curl unzip make tini \
        jupyter-notebook jupyter-nbconvert python3-ipykernel python3-jupyter-client \
        python3-nbformat python3-nbclient \
 && rm -rf /var/lib/apt/lists/*

# Go from the module proxy. Module zips carry no file modes: restore the
# executable bits of the tools.
RUN set -eu; arch=$(dpkg --print-architecture); \
    mod="golang.org/toolchain@v0.0.1-go${GO_VERSION}.linux-${arch}"; \
    curl -fsSL -o /tmp/go.zip "${GOPROXY%%,*}/golang.org/toolchain/@v/v0.0.1-go${GO_VERSION}.linux-${arch}.zip"; \
    mkdir /tmp/go; unzip -q /tmp/go.zip -d /tmp/go; \
    mv "/tmp/go/$mod" /usr/local/go; rm -rf /tmp/go /tmp/go.zip; \
    chmod +x /usr/local/go/bin/* /usr/local/go/pkg/tool/*/*; \
    go version

WORKDIR /opt/modelneurons

# Module downloads first, so that a change in the code keeps this layer.
COPY go.mod go.sum ./
RUN go mod download

COPY . .
# Build the kernel and its helpers, register it, warm the build cache with
# every package and one headless run of the notebooks, so that the first
# cell a student runs compiles in seconds. (The run warms caches; make test
# is what judges the notebooks.)
RUN make kernel gopls \
 && go build ./... \
 && { make nbtest || echo "warning: some notebooks failed headless (see above)"; } \
 && rm -rf build .jupyter/runtime

EXPOSE 8888
ENV LAB_IP=0.0.0.0 LAB_PORT=8888
# tini as PID 1 passes `docker stop` (SIGTERM) on to Jupyter, which then shuts
# its kernels down; make as PID 1 would ignore it.
ENTRYPOINT ["/usr/bin/tini", "-g", "--"]
CMD ["make", "lab"]
