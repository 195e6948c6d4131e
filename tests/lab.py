"""JupyterLab on a temporary copy of the course, driven by headless Chromium through
Playwright: the path a student really takes (tests/test_browser.py).

The browser is Debian's `chromium` (`.ci/run` installs it; `COURSE_CHROMIUM` names
another executable); Playwright comes from PyPI and never downloads a browser. The
server listens on 127.0.0.1 only, with a random token, and everything it writes (its
settings, runtime files, the course copy) lives in a temporary folder.
"""
import json
import os
import re
import secrets
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = os.environ.get("COURSE_CHROMIUM", "/usr/bin/chromium")
# Failed tests leave a screenshot and the page's text here; .ci/run lists them.
SCREENSHOTS = Path(os.environ.get("BROWSER_SCREENSHOTS", ROOT / "browser-screenshots"))
NO_MNIST_KERNEL = "python3-no-mnist"
# Settings a student's JupyterLab would have too, minus what needs the internet (news,
# update checks) and with every cell in the page (windowing leaves far cells out).
LAB_SETTINGS = {
    "@jupyterlab/notebook-extension/tracker.jupyterlab-settings": {"windowingMode": "none"},
    "@jupyterlab/apputils-extension/notification.jupyterlab-settings": {
        "fetchNews": "false", "checkForUpdates": False},
}


def unavailable():
    """Why the browser tests cannot run here, or None."""
    if not os.access(CHROMIUM, os.X_OK):
        return (f"no Chromium at {CHROMIUM} (Debian: apt-get install chromium; or set "
                "COURSE_CHROMIUM to a Chromium executable)")
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError as err:
        return f"Playwright is not installed ({err}): pip install -r requirements.txt"
    return None


def _free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def make_course(folder):
    """A course folder like an instructor's after the build: the config, the solutions
    and nbgrader's gradebook with every assignment (generate_assignment), the releases."""
    folder.mkdir(parents=True)
    shutil.copy(ROOT / "nbgrader_config.py", folder)
    shutil.copytree(ROOT / "solutions", folder / "solutions",
                    ignore=shutil.ignore_patterns("*.py", ".*", "__pycache__"))
    done = subprocess.run([sys.executable, "-m", "nbgrader", "generate_assignment", "*",
                           "--force"], cwd=folder, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr[-3000:]
    return folder


class Lab:
    """`jupyter lab` serving `root`, with its own settings, runtime and kernel specs."""

    def __init__(self, root, scratch):
        self.root, self.token, self.port = Path(root), secrets.token_hex(16), _free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        home = Path(scratch)
        settings = home / "lab-settings"
        for name, values in LAB_SETTINGS.items():
            plugin, file = name.rsplit("/", 1)
            (settings / plugin).mkdir(parents=True, exist_ok=True)
            (settings / plugin / file).write_text(json.dumps(values))
        kernel = home / "jupyter-data" / "kernels" / NO_MNIST_KERNEL
        kernel.mkdir(parents=True)
        (kernel / "kernel.json").write_text(json.dumps({
            "argv": [sys.executable, "-m", "ipykernel_launcher", "-f", "{connection_file}"],
            "display_name": "Python 3 (no MNIST copy)", "language": "python",
            "env": {"MNIST_PATH": str(home / "nowhere" / "mnist.npz")}}))
        env = {**os.environ, "HOME": str(home), "JUPYTER_CONFIG_DIR": str(home / "config"),
               "JUPYTER_RUNTIME_DIR": str(home / "runtime"),
               "JUPYTER_DATA_DIR": str(home / "jupyter-data"),
               "JUPYTERLAB_SETTINGS_DIR": str(settings),
               "JUPYTERLAB_WORKSPACES_DIR": str(home / "workspaces")}
        self.log = open(home / "jupyterlab.log", "w")
        self.process = subprocess.Popen(
            [sys.executable, "-m", "jupyter", "lab", "--no-browser", "--ip=127.0.0.1",
             f"--port={self.port}", "--ServerApp.port_retries=0",
             f"--IdentityProvider.token={self.token}", f"--ServerApp.root_dir={self.root}",
             "--LabApp.news_url="] + (["--allow-root"] if os.geteuid() == 0 else []),
            cwd=self.root, env=env, stdout=self.log, stderr=subprocess.STDOUT)
        self._wait()

    def _wait(self, timeout=120):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"jupyter lab exited ({self.process.returncode}):\n"
                                   + Path(self.log.name).read_text()[-3000:])
            try:
                with urllib.request.urlopen(f"{self.url}/api/status?token={self.token}",
                                            timeout=5):
                    return
            except OSError:
                time.sleep(0.5)
        raise RuntimeError(f"jupyter lab did not answer in {timeout} s:\n"
                           + Path(self.log.name).read_text()[-3000:])

    def address(self, path):
        return f"{self.url}/{path}?token={self.token}"

    def stop(self):
        self.process.terminate()
        try:
            self.process.wait(30)
        except subprocess.TimeoutExpired:
            self.process.kill()
        self.log.close()


class Notebook:
    """One notebook open in JupyterLab, in a Playwright page."""

    def __init__(self, page, lab, path):
        self.page, self.path = page, path
        page.goto(lab.address(f"lab/tree/{path}") + "&reset")
        page.wait_for_selector(".jp-NotebookPanel .jp-Cell", timeout=60_000)
        self.wait_idle()

    def wait_idle(self, timeout=300_000):
        """Until the kernel is idle and no cell is running or waiting to run. On a busy
        machine JupyterLab may give up waiting for the kernel and ask which one to
        start: the student would press Select, so this does."""
        deadline = time.monotonic() + timeout / 1000
        while True:
            state = self.page.wait_for_function(
                """() => {
                    if ([...document.querySelectorAll('.jp-Dialog')]
                            .some(d => d.innerText.includes('Select Kernel'))) {
                        return 'asked';
                    }
                    const bar = document.querySelector('.jp-StatusBar-Widget');
                    const s = document.querySelector('.jp-NotebookPanel:not(.lm-mod-hidden) '
                                                      + '.jp-Notebook-ExecutionIndicator');
                    const prompts = [...document.querySelectorAll('.jp-InputPrompt')];
                    return bar && bar.innerText.includes('| Idle') && s
                        && s.getAttribute('data-status') === 'idle'
                        && !prompts.some(p => p.textContent.includes('*')) && 'idle';
                }""", timeout=max(1, deadline - time.monotonic()) * 1000,
                polling=250).json_value()
            if state == "idle":
                return
            self.page.locator(".jp-Dialog .jp-mod-accept").click()

    def menu(self, top, item):
        """Click the menu bar's `top` menu, then its item labelled `item`."""
        self.page.locator(".lm-MenuBar-item", has_text=re.compile(f"^{top}$")).click()
        self.page.locator(".lm-Menu-itemLabel", has_text=re.compile(f"^{item}$")).click()

    def run_all(self, attempts=3):
        """Run All from the menu, until the kernel is idle again. On a busy machine a run
        asked for while the kernel is still settling can be dropped, no cell executed:
        then, as a student would, press it again."""
        for _ in range(attempts):
            self.menu("Run", "Run All Cells")
            # The run starts at once; give the indicator a moment to leave idle.
            self.page.wait_for_timeout(500)
            self.wait_idle()
            if self.page.locator(".jp-InputPrompt", has_text=re.compile(r"\[\d+\]")).count():
                return
            self.page.wait_for_timeout(2000)
        raise AssertionError(f"Run All executed no cell of {self.path}, {attempts} times")

    def cell(self, index):
        return self.page.locator(".jp-NotebookPanel:not(.lm-mod-hidden) .jp-Cell").nth(index)

    def set_source(self, index, source):
        """Replace cell `index`'s code as a student does: click, select all, type."""
        editor = self.cell(index).locator(".cm-content")
        editor.click()
        self.page.keyboard.press("Control+A")
        self.page.keyboard.press("Delete")
        self.page.keyboard.insert_text(source)

    def run_cell(self, index):
        self.cell(index).locator(".jp-InputArea-prompt").click()
        self.page.keyboard.press("Shift+Enter")
        self.page.wait_for_timeout(300)
        self.wait_idle()

    def output_text(self, index):
        return self.cell(index).locator(".jp-OutputArea").inner_text()

    def images(self):
        return self.page.locator(".jp-NotebookPanel:not(.lm-mod-hidden) "
                                 ".jp-OutputArea-output img").count()

    def validate(self):
        """Press nbgrader's Validate button; the text of the dialog it opens."""
        self.page.locator(".validate-button").click()
        dialog = self.page.locator(".jp-Dialog", has_text="Validation Results")
        dialog.wait_for(timeout=300_000)
        text = dialog.inner_text()
        dialog.locator(".jp-Dialog-button", has_text="Ok").first.click()
        return text
