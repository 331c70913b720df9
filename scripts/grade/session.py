"""One GoNB kernel that runs cells for the grader, under watch.

Kernel runs a cell and waits for it with a deadline. While it waits it
checks that the kernel is alive and that the scratch folder (the kernel's
working directory and TMPDIR) stays under its size limit. A cell that times
out, kills the kernel or fills the disk ends the kernel: its whole process
group is killed (GoNB runs the cell's program as a child, so the program goes
with it) and any process still working in the scratch folder too. The next
cell then starts a new kernel.
"""

import os
import queue
import signal
import time

import nbformat
from jupyter_client.manager import KernelManager

MAX_OUTPUT = 1 << 20  # characters of output kept per cell


class Result:
    """What a cell did. status: "ok", "error" (the kernel's reply: compile
    error, panic, exit status), "timeout", "dead" (the kernel died), "disk"
    (the scratch folder outgrew its limit) or "start" (no kernel)."""

    def __init__(self):
        self.status = "ok"
        self.outputs = []   # nbformat outputs, in order
        self.stdout = ""
        self.stderr = ""
        self.errors = []    # (ename, evalue) of error outputs
        self.html = []      # text/html displays (GoNB's compile errors)
        self.seconds = 0.0
        self.truncated = False

    def add(self, msg):
        kind = msg["msg_type"]
        c = msg["content"]
        if kind == "stream":
            if c["name"] == "stdout":
                self.stdout += c["text"]
            else:
                self.stderr += c["text"]
        elif kind == "error":
            self.errors.append((c.get("ename", ""), c.get("evalue", "")))
        elif kind in ("display_data", "execute_result", "update_display_data"):
            html = c.get("data", {}).get("text/html")
            if html:
                self.html.append(html if isinstance(html, str) else "".join(html))
        if kind in ("stream", "error", "display_data", "execute_result"):
            if len(self.stdout) + len(self.stderr) > MAX_OUTPUT:
                self.truncated = True
                self.stdout = self.stdout[:MAX_OUTPUT // 2]
                self.stderr = self.stderr[:MAX_OUTPUT // 2]
                return
            try:
                self.outputs.append(nbformat.v4.output_from_msg(msg))
            except ValueError:
                pass


def tree_size(path):
    """Bytes allocated under path (st_blocks, so that sparse files count
    what they use)."""
    total = 0
    stack = [path]
    while stack:
        d = stack.pop()
        try:
            with os.scandir(d) as it:
                for e in it:
                    try:
                        if e.is_dir(follow_symlinks=False):
                            stack.append(e.path)
                        else:
                            total += e.stat(follow_symlinks=False).st_blocks * 512
                    except OSError:
                        pass
        except OSError:
            pass
    return total


def reap(folder):
    """Kills every process of ours whose working directory is inside folder:
    a cell's program that left the kernel's process group."""
    folder = os.path.realpath(folder) + os.sep
    me = os.getpid()
    for name in os.listdir("/proc"):
        if not name.isdigit() or int(name) == me:
            continue
        try:
            cwd = os.readlink("/proc/%s/cwd" % name) + os.sep
        except OSError:
            continue
        if cwd.startswith(folder):
            try:
                os.kill(int(name), signal.SIGKILL)
            except OSError:
                pass


class Kernel:
    """A GoNB kernel working in scratch (its cwd), started on first use."""

    def __init__(self, scratch, env, disk_limit, startup_timeout=120, tries=3):
        self.scratch = scratch
        self.env = env
        self.disk_limit = disk_limit
        self.startup_timeout = startup_timeout
        self.tries = tries
        self.km = None
        self.kc = None
        self.pgid = None
        self.starts = 0

    def _start(self):
        last = None
        for attempt in range(self.tries):
            km = KernelManager(kernel_name="gonb")
            try:
                km.start_kernel(cwd=self.scratch, env=self.env)
                kc = km.client()
                kc.start_channels()
                kc.wait_for_ready(timeout=self.startup_timeout)
            except Exception as e:  # a port collision, a slow machine
                last = e
                try:
                    km.shutdown_kernel(now=True)
                except Exception:
                    pass
                time.sleep(1 + attempt)
                continue
            self.km, self.kc = km, kc
            self.pgid = getattr(km.provisioner, "pgid", None)
            self.starts += 1
            return None
        return "could not start the Go kernel: %s" % last

    def run(self, source, timeout):
        """Runs one cell; returns a Result."""
        r = Result()
        t0 = time.monotonic()
        if self.km is None:
            err = self._start()
            if err:
                r.status = "start"
                r.errors.append(("KernelStart", err))
                return r
        msg_id = self.kc.execute(source, store_history=False, allow_stdin=False, stop_on_error=False)
        deadline = time.monotonic() + timeout
        next_watch = 0.0
        while True:
            now = time.monotonic()
            if now >= deadline:
                r.status = "timeout"
                break
            if now >= next_watch:
                next_watch = now + 0.5
                if not self.km.is_alive():
                    r.status = "dead"
                    break
                if self.disk_limit and tree_size(self.scratch) > self.disk_limit:
                    r.status = "disk"
                    break
            try:
                msg = self.kc.get_iopub_msg(timeout=min(0.5, deadline - now))
            except queue.Empty:
                continue
            if msg["parent_header"].get("msg_id") != msg_id:
                continue
            if msg["msg_type"] == "status" and msg["content"]["execution_state"] == "idle":
                break
            r.add(msg)
        if r.status == "ok":
            try:
                reply = self.kc.get_shell_msg(timeout=10)
                while reply["parent_header"].get("msg_id") != msg_id:
                    reply = self.kc.get_shell_msg(timeout=10)
                if reply["content"]["status"] != "ok":
                    r.status = "error"
            except queue.Empty:
                r.status = "error"
        if r.status in ("timeout", "dead", "disk"):
            self.close()
        r.seconds = time.monotonic() - t0
        return r

    def close(self):
        """Ends the kernel and everything it started."""
        if self.km is not None:
            try:
                self.kc.stop_channels()
            except Exception:
                pass
            try:
                self.km.shutdown_kernel(now=True)
            except Exception:
                pass
        if self.pgid:
            try:
                os.killpg(self.pgid, signal.SIGKILL)
            except OSError:
                pass
        reap(self.scratch)
        self.km = self.kc = self.pgid = None
