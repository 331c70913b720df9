# JupyterHub for the modelneurons course: local users, Debian's packages.
#
#   apt-get install jupyterhub node-configurable-http-proxy   (JupyterHub 3.0)
#   make hub-install                  # as root: the course into /opt/modelneurons
#   jupyterhub -f deploy/jupyterhub/jupyterhub_config.py      # as root
#
# then students open http://127.0.0.1:8000/ and log in with their Unix account
# name and password. deploy/jupyterhub/README.md explains the choices; `make
# hub-test` starts this file with test students and drives it in Chromium.
#
# What it sets up:
# - Authentication: PAMAuthenticator, i.e. the machine's own accounts and
#   passwords. Only members of the group MODELNEURONS_STUDENT_GROUP (default
#   "modelneurons-students") and the MODELNEURONS_ADMINS may log in; the hub
#   never creates accounts.
# - Spawner: LocalProcessSpawner. Each student's notebook server (classic
#   Notebook 6 through jupyterhub-singleuser) runs as that Unix user, on
#   127.0.0.1 and a random port, opening ~/modelneurons/notebooks.
# - Before a server starts, PREFIX/bin/modelneurons-user-setup runs as the
#   student: it copies the course into ~/modelneurons once, installs
#   scripts/custom.js as ~/.jupyter/custom/custom.js (GoNB's sliders reach the
#   kernel under /user/NAME/ only with it) and seeds a new Go build cache.
# - The GoNB kernel comes from PREFIX/share/jupyter (JUPYTER_PATH), and its
#   environment (go and goimports on PATH, the shared module cache, no network
#   for Go) from that kernelspec; student terminals get the same.
#
# Knobs (environment variables read when the hub starts):
#   MODELNEURONS_PREFIX         where make hub-install put the course (/opt/modelneurons)
#   MODELNEURONS_HUB_IP         address of the public proxy (127.0.0.1: this
#                               machine only). Set it to 0.0.0.0, or one
#                               interface's address, to serve a classroom, and
#                               then also set the two below: PAM passwords must
#                               not cross a network in clear text.
#   MODELNEURONS_SSL_CERT, MODELNEURONS_SSL_KEY   PEM files for https
#   MODELNEURONS_HUB_PORT       public port (8000)
#   MODELNEURONS_HUB_API_PORT, MODELNEURONS_PROXY_API_PORT   internal ports
#                               of the hub and of the proxy's REST API (8081, 8001;
#                               both on 127.0.0.1)
#   MODELNEURONS_HUB_STATE      folder for the hub's database, cookie secret and
#                               pid files (/var/lib/modelneurons-hub)
#   MODELNEURONS_STUDENT_GROUP  Unix group whose members may log in
#   MODELNEURONS_ADMINS         comma-separated admin user names (none)
#   MODELNEURONS_IDLE_MINUTES   stop a student's kernels idle this long (60)
#   MODELNEURONS_SPAWNER        "local" (default, tested by make hub-test) or
#                               "docker": each student's server is a container
#                               of the classroom image (Dockerfile) started by
#                               DockerSpawner. NOT TESTED HERE (no Docker engine
#                               on the machines this was written on); see the
#                               docker section at the end and README.md.
#   MODELNEURONS_IMAGE          the image for "docker" (modelneurons:latest)

import json
import os
import pwd
import shlex

c = get_config()  # noqa: F821 (defined by JupyterHub when it loads this file)


def env(name, default):
    value = os.environ.get(name, "").strip()
    return value if value else default


PREFIX = env("MODELNEURONS_PREFIX", "/opt/modelneurons")
HUB_IP = env("MODELNEURONS_HUB_IP", "127.0.0.1")
HUB_PORT = int(env("MODELNEURONS_HUB_PORT", "8000"))
STATE = env("MODELNEURONS_HUB_STATE", "/var/lib/modelneurons-hub")
GROUP = env("MODELNEURONS_STUDENT_GROUP", "modelneurons-students")
ADMINS = {u.strip() for u in env("MODELNEURONS_ADMINS", "").split(",") if u.strip()}
SSL_CERT = env("MODELNEURONS_SSL_CERT", "")
SSL_KEY = env("MODELNEURONS_SSL_KEY", "")
IDLE_SECONDS = int(float(env("MODELNEURONS_IDLE_MINUTES", "60")) * 60)
SPAWNER = env("MODELNEURONS_SPAWNER", "local")
KERNELSPEC = os.path.join(PREFIX, "share/jupyter/kernels/gonb/kernel.json")
USER_SETUP = os.path.join(PREFIX, "bin/modelneurons-user-setup")

# Debian's configurable-http-proxy needs Debian's node modules; a node from
# elsewhere on PATH does not search /usr/share/nodejs. The hub passes its
# environment to the proxy.
if "NODE_PATH" not in os.environ and os.path.isdir("/usr/share/nodejs"):
    os.environ["NODE_PATH"] = "/usr/share/nodejs"

# ---- network: loopback unless asked -----------------------------------------
scheme = "https" if SSL_CERT and SSL_KEY else "http"
c.JupyterHub.bind_url = f"{scheme}://{HUB_IP}:{HUB_PORT}/"
c.JupyterHub.hub_bind_url = "http://127.0.0.1:%d" % int(env("MODELNEURONS_HUB_API_PORT", "8081"))
c.ConfigurableHTTPProxy.api_url = "http://127.0.0.1:%d" % int(env("MODELNEURONS_PROXY_API_PORT", "8001"))
if scheme == "https":
    c.JupyterHub.ssl_cert = SSL_CERT
    c.JupyterHub.ssl_key = SSL_KEY
elif HUB_IP not in ("127.0.0.1", "localhost", "::1"):
    print(
        f"modelneurons: WARNING: serving on {HUB_IP} over plain http: passwords cross the "
        "network unencrypted; set MODELNEURONS_SSL_CERT and MODELNEURONS_SSL_KEY"
    )

os.makedirs(STATE, mode=0o700, exist_ok=True)
c.JupyterHub.db_url = "sqlite:///" + os.path.join(STATE, "jupyterhub.sqlite")
c.JupyterHub.cookie_secret_file = os.path.join(STATE, "jupyterhub_cookie_secret")
c.ConfigurableHTTPProxy.pid_file = os.path.join(STATE, "jupyterhub-proxy.pid")
c.JupyterHub.pid_file = os.path.join(STATE, "jupyterhub.pid")

# ---- who may log in ----------------------------------------------------------
c.JupyterHub.authenticator_class = "jupyterhub.auth.PAMAuthenticator"
c.PAMAuthenticator.allowed_groups = {GROUP}
c.Authenticator.admin_users = ADMINS
# pam_open_session fails in containers and adds nothing for a notebook server.
c.PAMAuthenticator.open_sessions = False

# ---- each student's server: the same for both spawners ------------------------
c.Spawner.cmd = ["jupyterhub-singleuser"]
c.Spawner.default_url = "/tree/modelneurons/notebooks"
c.Spawner.args = [
    "--MappingKernelManager.default_kernel_name=gonb",
    # Stop kernels (and the Go programs they hold) nobody has used for a while.
    f"--MappingKernelManager.cull_idle_timeout={IDLE_SECONDS}",
    "--MappingKernelManager.cull_interval=300",
]
# Classic Notebook 6, whose custom.js the widgets need, even if jupyter_server
# gets installed one day.
SINGLEUSER_ENV = {"JUPYTERHUB_SINGLEUSER_APP": "notebook.notebookapp.NotebookApp"}
# A new student's first start copies the course and a 120 MB build cache.
c.Spawner.start_timeout = 180
c.Spawner.http_timeout = 120

if SPAWNER not in ("local", "docker"):
    raise SystemExit(f"modelneurons: MODELNEURONS_SPAWNER={SPAWNER!r}: use local or docker")

# ---- local: a process of the student's own Unix account -----------------------
if SPAWNER == "local":
    if not os.path.isfile(KERNELSPEC):
        raise SystemExit(
            f"modelneurons: {KERNELSPEC} is missing: run `make hub-install` "
            f"(or scripts/hub/install.sh {PREFIX}) as root first"
        )
    KERNEL_ENV = json.load(open(KERNELSPEC)).get("env", {})
    c.JupyterHub.spawner_class = "jupyterhub.spawner.LocalProcessSpawner"
    c.Spawner.ip = "127.0.0.1"
    c.Spawner.notebook_dir = "~"
    c.Spawner.environment = dict(KERNEL_ENV, JUPYTER_PATH=os.path.join(PREFIX, "share/jupyter"), **SINGLEUSER_ENV)


async def prepare_home(spawner):
    """Runs modelneurons-user-setup as the student (never as root in their home)."""
    import asyncio

    name = spawner.user.name
    try:
        home = pwd.getpwnam(name).pw_dir
    except KeyError:
        raise RuntimeError(f"modelneurons: no Unix account {name!r}")
    path = KERNEL_ENV.get("PATH", "/usr/local/bin:/usr/bin:/bin")
    cmd = [
        "runuser", "-u", name, "--",
        "env", "-i", f"HOME={home}", f"USER={name}", f"PATH={path}", "LANG=C.UTF-8",
        f"MODELNEURONS_PREFIX={PREFIX}", USER_SETUP,
    ]
    proc = await asyncio.create_subprocess_exec(
        *cmd, stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.STDOUT
    )
    out, _ = await proc.communicate()
    for line in out.decode(errors="replace").splitlines():
        spawner.log.info("%s: %s", name, line)
    if proc.returncode != 0:
        raise RuntimeError(f"modelneurons: {shlex.join(cmd)} failed ({proc.returncode})")


if SPAWNER == "local":
    c.Spawner.pre_spawn_hook = prepare_home

# ---- docker: a container of the classroom image (NOT TESTED HERE) -----------------
# Needs `dockerspawner` (12.x, for JupyterHub 3; not packaged by Debian 12) and
# a Docker engine, and the image built from our Dockerfile on that engine:
#   docker build -t modelneurons:latest .
#   docker network create modelneurons-hub
# The image's entrypoint fills a new home volume (course, custom.js, warm Go
# caches: scripts/hub/user-setup.sh) and runs jupyterhub-singleuser as the
# unprivileged user "student". The hub stays on the host with PAM accounts;
# the containers reach it on the Docker network's gateway address.
if SPAWNER == "docker":
    c.JupyterHub.spawner_class = "dockerspawner.DockerSpawner"
    c.DockerSpawner.image = env("MODELNEURONS_IMAGE", "modelneurons:latest")
    c.DockerSpawner.network_name = env("MODELNEURONS_DOCKER_NETWORK", "modelneurons-hub")
    # Containers cannot reach the host's 127.0.0.1: the hub's API listens on
    # the Docker network's gateway (not on the public interfaces).
    gateway = env("MODELNEURONS_DOCKER_GATEWAY", "172.17.0.1")
    c.JupyterHub.hub_bind_url = "http://%s:%d" % (gateway, int(env("MODELNEURONS_HUB_API_PORT", "8081")))
    c.JupyterHub.hub_connect_url = c.JupyterHub.hub_bind_url
    # Each student's home is a named volume; Docker fills a new one from the image.
    c.DockerSpawner.notebook_dir = "/home/student"
    c.DockerSpawner.volumes = {"modelneurons-{username}": "/home/student"}
    c.DockerSpawner.remove = True  # the container goes, the volume stays
    c.DockerSpawner.environment = SINGLEUSER_ENV
    # About 250-350 MiB per student with a notebook running (make hub-test).
    c.DockerSpawner.mem_limit = env("MODELNEURONS_MEM_LIMIT", "1G")
    c.DockerSpawner.cpu_limit = float(env("MODELNEURONS_CPU_LIMIT", "1"))
