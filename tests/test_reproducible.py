"""helpers.grading.reproducible: the kernels pinned, so that nbval's digits match anywhere."""
import json
import os
import platform
import subprocess
import sys

import pytest

from helpers.grading.reproducible import PINNED, pin

X86 = platform.machine().lower() in ("x86_64", "amd64")


@pytest.mark.skipif(not X86, reason="the pins apply on x86-64 only")
def test_pin_sets_what_is_unset_and_keeps_a_choice_made():
    env = pin({"OPENBLAS_CORETYPE": "Zen", "XLA_FLAGS": "--xla_force_host_platform_device_count=2"})
    assert env["OPENBLAS_CORETYPE"] == "Zen"
    assert env["NPY_DISABLE_CPU_FEATURES"] == PINNED["NPY_DISABLE_CPU_FEATURES"]
    assert env["XLA_FLAGS"].split() == ["--xla_force_host_platform_device_count=2",
                                        "--xla_cpu_max_isa=AVX2"]
    assert pin(dict(env)) == env  # twice is once


@pytest.mark.skipif(not X86, reason="the pins apply on x86-64 only")
def test_the_tests_and_their_kernels_run_pinned():
    """conftest.py pins before numpy is imported, so this process and the processes it
    starts (a kernel, here a plain child) have numpy without its AVX-512 paths."""
    for name, value in PINNED.items():
        assert value in os.environ.get(name, ""), name
    probe = ("import json, numpy._core._multiarray_umath as m;"
             "print(json.dumps([k for k, v in m.__cpu_features__.items() if v]))")
    on = json.loads(subprocess.check_output([sys.executable, "-c", probe], text=True))
    assert not {"X86_V4", "AVX512_ICL", "AVX512_SPR"} & set(on)  # the dispatch targets
    assert "AVX2" in on
