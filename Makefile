# modelneurons: two commands on a fresh Debian machine.
#
#   make lab     install what is missing, start Jupyter Notebook with the Go kernel
#   make test    vet, unit tests, example programs, every notebook executed headless
#
# Everything installed lands inside the repository (.tools/, .jupyter/), except
# Jupyter itself, which comes from Debian's packages (apt-get).

SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help

ROOT    := $(CURDIR)
TOOLS   := $(ROOT)/.tools/bin
PYTHON  := /usr/bin/python3
BUILD   := $(ROOT)/build

# GoNB needs goimports (and, for completion, gopls) on PATH; Jupyter keeps its
# kernels, configuration and runtime files in .jupyter/, not in ~/.local.
export PATH                := $(TOOLS):$(PATH)
export JUPYTER_DATA_DIR    := $(ROOT)/.jupyter/data
export JUPYTER_CONFIG_DIR  := $(ROOT)/.jupyter/config
export JUPYTER_RUNTIME_DIR := $(ROOT)/.jupyter/runtime
export PYTHON

# Knobs: per-cell timeout for headless notebooks [s]; lab address and port.
NB_TIMEOUT ?= 600
LAB_IP     ?= 127.0.0.1
LAB_PORT   ?= 8888
export NB_TIMEOUT LAB_IP LAB_PORT

.PHONY: help lab test vet gotest examples nbtest notebooks check-outputs figures bench browser-test \
        jupyter tools gopls kernel clean student grade grade-test

help:
	@echo "make lab        install what is missing and start Jupyter (prints the URL with its token)"
	@echo "make test       gofmt, go vet, go test ./..., examples/*, notebooks/*.ipynb headless,"
	@echo "                and the outputs stored in the committed notebooks"
	@echo "make notebooks  re-execute every notebook and store its outputs in place"
	@echo "make figures    run every examples/*/ program, writing into figures/"
	@echo "make bench      our workloads, then B3 against the peers with ratios (bench/compare.sh: all)"
	@echo "make fuzz       every Fuzz* target for FUZZTIME (1m) each; FUZZPKGS=./neurokit/... to narrow"
	@echo "make browser-test  every notebook with Run All in headless chromium, its live figures moved"
	@echo "make serve      build the explorer's site (make site) and serve it on http://$(SITE_ADDR)/"
	@echo "make site-test  the site in headless chromium (also in make test); make site-bench: its speed"
	@echo "make student    write the student edition (stubs instead of solutions) to build/student/"
	@echo "make grade SUBMISSIONS=DIR  grade DIR/<student>/<notebook>.ipynb into build/grade/"
	@echo "make clean      remove .tools/, .jupyter/ and build/"

# ---- installation -------------------------------------------------------

jupyter:
	@scripts/ensure-jupyter.sh

# gonb and goimports are pinned by go.mod's tool lines.
$(TOOLS)/gonb: go.mod
	@mkdir -p $(TOOLS)
	@echo ">> building gonb and goimports (versions from go.mod) into .tools/bin"
	go build -o $(TOOLS)/ github.com/janpfeifer/gonb golang.org/x/tools/cmd/goimports
	@touch $@ $(TOOLS)/goimports

# gopls only gives completion and hover in the browser, so make test skips it.
# It is built in its own module (its go.mod pins the x/tools it needs; ours
# is newer, which is also why go.mod does not list it as a tool), at v0.23.0,
# the last release that builds with Go 1.26.
gopls:
	@scripts/build-gopls.sh $(TOOLS)

tools: $(TOOLS)/gonb

# The kernel spec holds the absolute path of the gonb binary; the script
# re-registers it only when that path or the binary changed.
kernel: jupyter $(TOOLS)/gonb
	@scripts/install-kernel.sh $(TOOLS)/gonb

# ---- for people ----------------------------------------------------------

lab: jupyter $(TOOLS)/gonb
	@scripts/build-gopls.sh $(TOOLS) || echo ">> gopls failed to build: notebooks work, without code completion"
	@scripts/install-kernel.sh $(TOOLS)/gonb
	@scripts/install-custom-js.sh
	@scripts/lab.sh

# ---- tests ---------------------------------------------------------------

# Every stage runs even when an earlier one fails, so one run shows all problems.
test:
	@failed=""; summary=""; \
	for stage in vet gotest examples nbtest check-outputs site-test grade-test; do \
		t0=$$SECONDS; \
		$(MAKE) --no-print-directory $$stage || failed="$$failed $$stage"; \
		summary="$$summary $$stage $$((SECONDS - t0))s"; \
	done; \
	echo ">> make test stages:$$summary"; \
	if [ -n "$$failed" ]; then echo ">> make test FAILED:$$failed"; exit 1; fi; \
	echo ">> make test: all passed"

vet:
	@echo ">> gofmt -l"
	@out="$$(find . \( -name '.[!.]*' -o -name '_*' -o -name testdata -o -name build \) -prune -o -name '*.go' -print | xargs -r gofmt -l)"; if [ -n "$$out" ]; then echo "not gofmt-clean:"; echo "$$out"; exit 1; fi
	@echo ">> go vet ./..."
	go vet ./...

gotest:
	@echo ">> go test ./..."
	go test -timeout 15m ./...

examples:
	@scripts/run-examples.sh test

figures:
	@scripts/run-examples.sh figures $(ROOT)/figures

nbtest: kernel
	@scripts/run-notebooks.sh test $(BUILD)/notebooks

notebooks: kernel
	@scripts/run-notebooks.sh inplace $(BUILD)/notebooks

# The committed notebooks carry their outputs (make notebooks writes them).
check-outputs:
	@echo ">> checking the outputs stored in notebooks/*.ipynb"
	@$(PYTHON) scripts/check_notebooks.py notebooks/*.ipynb || \
		{ echo "   run 'make notebooks' and commit the notebooks with their outputs"; exit 1; }

# Every notebook with Run All in a real browser (Debian's chromium and npm's
# playwright-core, never a downloaded browser), each live figure's slider
# moved: the notebook part of make site-test. BROWSER_NB limits it.
BROWSER_NB ?=
browser-test: notebook-site kernel
	@scripts/browser/site.sh notebooks $(BROWSER_NB)

# ---- explorer: the primer's figure in the browser (explorer/) -------------
# make site        build/site/: index.html, explorer.wasm, wasm_exec.js, css, js,
#                  and a gzip copy of each (FILE.gz) for servers that send them
# make serve       serve build/site on http://$(SITE_ADDR)/ (explorer/cmd/serve)
# make site-test   the browser test of the site (chromium + playwright-core)
# make site-bench  slider→redraw latency per model, first interactive, wasm size
SITE      := $(BUILD)/site
SITE_ADDR ?= 127.0.0.1:8080
SITE_SRC  := $(wildcard explorer/*.go explorer/cmd/wasm/*.go explorer/site/* explorer/internal/mapdata/*.go explorer/internal/mapdata/*.gob) go.mod go.sum

.PHONY: site serve site-test site-bench

site: $(SITE)/.stamp
$(SITE)/.stamp: $(SITE_SRC) $(shell find neurokit plotting primer -name '*.go' -not -name '*_test.go')
	@echo ">> building the explorer's site into $(SITE)"
	@rm -rf $(SITE) && mkdir -p $(SITE)
	GOOS=js GOARCH=wasm go build -trimpath -ldflags='-s -w' -o $(SITE)/explorer.wasm ./explorer/cmd/wasm
	@cp "$$(go env GOROOT)/lib/wasm/wasm_exec.js" explorer/site/index.html explorer/site/explorer.js explorer/site/explorer.css $(SITE)/
	@for f in $(SITE)/*; do gzip -9 -k -n -f "$$f"; done
	@touch $@
	@echo ">> $(SITE): explorer.wasm $$(stat -c %s $(SITE)/explorer.wasm) bytes, $$(stat -c %s $(SITE)/explorer.wasm.gz) gzipped"

serve: site
	go run ./explorer/cmd/serve -addr $(SITE_ADDR) -dir $(SITE)

# The notebooks' interactive figures (nbui.Live) load the site from
# notebooks/explorer/ by a relative URL: make lab puts a copy there.
NB_SITE := notebooks/explorer
.PHONY: notebook-site
notebook-site: site
	@rm -rf $(NB_SITE) && mkdir -p $(NB_SITE)
	@# One self-contained page: Jupyter serves files in a sandbox in which a page
	@# may load nothing from the server (explorer/cmd/inline says why).
	go run ./explorer/cmd/inline -site $(SITE) -out $(NB_SITE)/embed.html
lab: notebook-site

site-test: site notebook-site kernel
	@scripts/browser/site.sh test

site-bench: site
	@scripts/browser/site.sh bench
# ---- end explorer ----------------------------------------------------------

# ---- fuzzing (lowlayers) -------------------------------------------------
# Every Fuzz* target of the module, each for FUZZTIME (default 1m); make test
# runs their seed corpora (testdata/fuzz included) as ordinary tests.
FUZZTIME ?= 1m
export FUZZTIME
.PHONY: fuzz
fuzz:
	@scripts/fuzz.sh $(FUZZPKGS)
# ---- end fuzzing ----------------------------------------------------------

# ---- lab course: student edition and grading (README, "Lab course") -------

# Knobs of make grade: kernels at once, seconds per exercise, seconds per
# call of the student's code, scratch-folder size limit [MB].
GRADE_JOBS          ?= 2
GRADE_TIMEOUT       ?= 120
GRADE_CHECK_TIMEOUT ?= 30
GRADE_DISK_MB       ?= 1024
GRADE_OUT           ?= $(BUILD)/grade

student:
	@$(PYTHON) scripts/student/make_student.py notebooks $(BUILD)/student

grade: kernel
	@if [ -z "$(SUBMISSIONS)" ]; then echo "usage: make grade SUBMISSIONS=DIR (DIR/<student>/<notebook>.ipynb)"; exit 2; fi
	@go mod download # the kernels grade offline (GOPROXY=off)
	@$(PYTHON) scripts/grade/grade.py --submissions "$(SUBMISSIONS)" --course notebooks --out "$(GRADE_OUT)" \
		--jobs $(GRADE_JOBS) --timeout $(GRADE_TIMEOUT) --check-timeout $(GRADE_CHECK_TIMEOUT) --disk-mb $(GRADE_DISK_MB)

# The student edition holds no solution code, and grading three synthetic
# classes (instructor edition, untouched student edition, broken
# submissions) gives exactly the expected points.
grade-test: kernel
	@scripts/grade/test.sh $(BUILD)/grade-test

# ---- end of lab course ----------------------------------------------------

# ---- bench (BENCH.md) ------------------------------------------------------
# Our four workloads once, then bench/compare.sh for B3 against every peer
# installed (Brian2, numpy, the C port; Debian: python3-brian python3-scipy,
# gcc), BENCH_REPS interleaved repetitions, printing the CPU ratios
# ours ÷ peer. All workloads against all peers: bench/compare.sh alone.
BENCH_PEERS ?= ours ours-simd brian2-cpp brian2-cython numpy c
BENCH_REPS  ?= 3
BENCH_B3    ?= B3:1000 B3:100000
bench:
	go run ./bench
	BENCHES="$(BENCH_B3)" PEERS="$(BENCH_PEERS)" REPS=$(BENCH_REPS) bench/compare.sh

clean:
	rm -rf .tools .jupyter build

# ---- classroom: JupyterHub and the container image (begin) ------------------
# Not part of make test: they need root, and take minutes (README, Classroom).
#   make hub-install  install the course for deploy/jupyterhub/ (COURSE_PREFIX=/opt/modelneurons)
#   make hub-test     that hub on 127.0.0.1 with HUB_STUDENTS local students in chromium
#   make image-test   build the Dockerfile with buildah, run a notebook in it with podman
COURSE_PREFIX ?= /opt/modelneurons
.PHONY: hub-install hub-test image-test
hub-install:
	@scripts/hub/install.sh $(COURSE_PREFIX)
hub-test:
	@scripts/hub/hub-test.sh
image-test:
	@scripts/image/image-test.sh
# ---- classroom (end) ----------------------------------------------------------
