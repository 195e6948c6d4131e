"""The same last digits on every x86-64 machine, so that CI can compare printed numbers.

numpy, OpenBLAS and XLA each pick their kernels for the processor they find: AVX-512 on
one machine, AVX2 on the next. The results agree to rounding, but a matrix product summed
in another order can move the fourth printed digit of an accuracy after a few thousand
training steps, and nbval compares the printed digits of the solutions (the numbers their
prose quotes). Pinning every library to its AVX2 kernels, which every x86-64 machine of
the last decade has, gives one set of digits everywhere.

`pin()` must run before numpy or jax is imported in a process; the processes it starts
(pytest-xdist workers, nbval's and the build's kernels) inherit the setting. The top-level
conftest.py and `python -m helpers.grading.build` call it. Students need none of this:
their numbers differ from the printed ones only in the last digits, if at all.

Introduced with the course's CI; used by the tests and the build.
"""
import os
import platform

# OpenBLAS's Haswell kernels (AVX2); numpy's dispatch without its AVX-512 paths; XLA's
# code generation up to AVX2.
PINNED = {
    "OPENBLAS_CORETYPE": "Haswell",
    "NPY_DISABLE_CPU_FEATURES": "X86_V4 AVX512_ICL AVX512_SPR",
    "XLA_FLAGS": "--xla_cpu_max_isa=AVX2",
}


def pin(environ=None):
    """Set PINNED in `environ` (default os.environ) on x86-64; elsewhere do nothing.

    A value already set is kept, so a developer can still choose another; XLA_FLAGS gets
    the ISA flag added to whatever flags it already holds."""
    environ = os.environ if environ is None else environ
    if platform.machine().lower() not in ("x86_64", "amd64"):
        return environ
    for name, value in PINNED.items():
        if name == "XLA_FLAGS":
            flags = environ.get(name, "")
            if "--xla_cpu_max_isa" not in flags:
                environ[name] = f"{flags} {value}".strip()
        else:
            environ.setdefault(name, value)
    return environ
