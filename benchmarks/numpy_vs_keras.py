"""The course's numpy trainer against Keras on JAX: the same network, the same data.

    python benchmarks/numpy_vs_keras.py              # 5 epochs, 3 runs of each
    python benchmarks/numpy_vs_keras.py --threads 1  # both libraries on one thread

Trains the 784-100-10 network of notebook 08 (ReLU hidden layer, softmax output,
cross-entropy, Adam with Keras's defaults, mini-batches of 32, float32) on MNIST twice
in one run: with ``helpers.train.fit`` and with ``keras.Model.fit``. Both start from the
same Glorot-uniform weights (drawn once from ``--seed``) and both shuffle with that
seed. Each training runs in its own fresh process, so the two peak memory figures do
not mix and neither inherits the other's caches. The runs alternate, numpy, Keras,
numpy, Keras, ... (``--repeats`` of each), so that a busy spell on a shared machine
slows both rather than one.

Prints the time of every epoch of every run; the ratio numpy / Keras of the median
epoch time over epochs 2 to 5 of all runs (epoch 1 includes Keras's compilation of its
training step); both test accuracies (the median over the runs, which are seeded alike);
and two memory figures per trainer, the largest over the runs: the peak resident memory
of its process while training, and how far that peak rose above the memory held just
before training (the libraries, the data and the initial weights; for Keras, building
and compiling the model count as training). Exits 1 if the ratio is above 1.0 or the
accuracies differ by more than 0.3 points, the targets of issue 4.

MNIST comes from ``helpers.mnist.load_mnist`` (MNIST_PATH, data/cache or a download).
"""
import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LAYERS = [784, 100, 10]
RATIO_TARGET = 1.0
ACCURACY_GAP_POINTS = 0.3


def _status_kb(field):
    """A field of /proc/self/status in kB (Linux), or None where there is no /proc."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith(field + ":"):
                return int(line.split()[1])
    except OSError:
        pass
    return None


def _reset_peak():
    """Restart the kernel's peak-RSS counter (VmHWM) so it covers training only."""
    try:
        Path("/proc/self/clear_refs").write_text("5")
        return True
    except OSError:
        return False


def _data_and_weights(seed):
    """MNIST scaled to [0, 1] in float32 with examples as rows, and the initial weights."""
    import numpy as np

    from helpers.initializers import initialize_parameters
    from helpers.mnist import load_mnist

    (x_train, y_train), (x_test, y_test) = load_mnist(scale=True, flatten=True)
    params = initialize_parameters(LAYERS, np.random.default_rng(seed), method="glorot_uniform")
    params = {key: value.astype(np.float32) for key, value in params.items()}
    return x_train, y_train, x_test, y_test, params


def _train_numpy(args, x_train, y_train, x_test, y_test, params):
    import numpy as np

    from helpers.losses import one_hot
    from helpers.metrics import accuracy
    from helpers.train import fit

    X, Y = x_train.T, one_hot(y_train.reshape(1, -1), 10).astype(np.float32)
    activations = ["relu", "softmax"]
    history = fit(X, Y, params, activations, loss="softmax_cross_entropy",
                  optimizer="adam", epochs=args.epochs, batch_size=args.batch_size,
                  rng=np.random.default_rng(args.seed), verbose=False)
    return history["seconds"], lambda: accuracy(x_test.T, y_test.reshape(1, -1), params,
                                                activations)


def _train_keras(args, x_train, y_train, x_test, y_test, params):
    import keras

    keras.utils.set_random_seed(args.seed)
    model = keras.Sequential([
        keras.Input(shape=(LAYERS[0],)),
        keras.layers.Dense(LAYERS[1], activation="relu"),
        keras.layers.Dense(LAYERS[2], activation="softmax"),
    ])
    # Keras's kernel is the course's W transposed; its bias is b as a flat vector.
    model.set_weights([params["W1"].T, params["b1"].ravel(), params["W2"].T,
                       params["b2"].ravel()])
    model.compile(optimizer=keras.optimizers.Adam(), loss="categorical_crossentropy",
                  metrics=["accuracy"])
    seconds = []

    class EpochTimer(keras.callbacks.Callback):
        def on_epoch_begin(self, epoch, logs=None):
            self.start = time.perf_counter()

        def on_epoch_end(self, epoch, logs=None):
            seconds.append(time.perf_counter() - self.start)

    y_onehot = keras.utils.to_categorical(y_train, LAYERS[-1]).astype("float32")
    model.fit(x_train, y_onehot, epochs=args.epochs, batch_size=args.batch_size,
              shuffle=True, verbose=0, callbacks=[EpochTimer()])
    y_test_onehot = keras.utils.to_categorical(y_test, LAYERS[-1]).astype("float32")
    return seconds, lambda: model.evaluate(x_test, y_test_onehot, verbose=0)[1]


def worker(args):
    """Train with one library in this process; print a JSON line with the results."""
    if args.worker == "keras":
        os.environ["KERAS_BACKEND"] = "jax"
        import keras  # noqa: F401  (imported before the baseline, as the library's cost)
    data = _data_and_weights(args.seed)
    train = _train_keras if args.worker == "keras" else _train_numpy
    before_kb = _status_kb("VmRSS")
    reset = _reset_peak()
    seconds, test_accuracy = train(args, *data)
    peak_kb = _status_kb("VmHWM") if reset else None
    if peak_kb is None:
        import resource  # no /proc: the peak over the whole process instead

        peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(json.dumps({"seconds": seconds, "test_accuracy": float(test_accuracy()),
                      "peak_mb": peak_kb / 1024,
                      "rise_mb": (peak_kb - before_kb) / 1024 if before_kb else None}))


def run_worker(name, args, env):
    if name == "numpy" and args.threads is None:
        # As notebook 08 does: OpenBLAS's threads cost more than they give on products
        # with 32 columns (the dW of the first layer runs about 3 times slower with two).
        env = dict(env, OPENBLAS_NUM_THREADS="1")
    command = [sys.executable, __file__, "--worker", name, "--epochs", str(args.epochs),
               "--batch-size", str(args.batch_size), "--seed", str(args.seed)]
    done = subprocess.run(command, env=env, cwd=ROOT, capture_output=True, text=True)
    if done.returncode != 0:
        sys.exit(f"the {name} run failed:\n{done.stderr}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--epochs", type=int, default=5)
    parser.add_argument("--batch-size", type=int, default=32)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--repeats", type=int, default=3, help="runs of each trainer")
    parser.add_argument("--threads", type=int, default=None,
                        help="threads for both libraries (default: one BLAS thread for "
                             "numpy, Keras's own default for Keras)")
    parser.add_argument("--worker", choices=["numpy", "keras"], help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.epochs < 2:
        parser.error("--epochs must be at least 2: epoch 1 is left out of the ratio")
    if args.repeats < 1:
        parser.error("--repeats must be at least 1")
    if args.worker:
        worker(args)
        return

    env = dict(os.environ, PYTHONPATH=str(ROOT))
    if args.threads is not None:
        n = str(args.threads)
        env.update(OMP_NUM_THREADS=n, OPENBLAS_NUM_THREADS=n, MKL_NUM_THREADS=n,
                   XLA_FLAGS=f"--xla_cpu_multi_thread_eigen={'true' if n != '1' else 'false'}"
                             f" intra_op_parallelism_threads={n}")
    threads = (f"{args.threads} for both" if args.threads is not None else
               "numpy with one BLAS thread, Keras with its default")
    print(f"784-100-10, Adam, batch {args.batch_size}, float32, {args.epochs} epochs, "
          f"seed {args.seed}; {os.cpu_count()} CPUs; threads: {threads}")
    runs = {"numpy": [], "keras": []}
    for _ in range(args.repeats):
        for name in runs:
            runs[name].append(run_worker(name, args, env))

    print(f"\n{'run':<6}{'trainer':<9}" + "".join(
        f"{'epoch ' + str(e):>9}" for e in range(1, args.epochs + 1)) + f"{'test acc':>10}")
    for i in range(args.repeats):
        for name, label in (("numpy", "numpy"), ("keras", "Keras")):
            run = runs[name][i]
            print(f"{i + 1:<6}{label:<9}" + "".join(f"{t:>9.2f}" for t in run["seconds"])
                  + f"{run['test_accuracy']:>10.2%}")
    median = {name: statistics.median(t for r in rs for t in r["seconds"][1:])
              for name, rs in runs.items()}
    results = {name: {"test_accuracy": statistics.median(r["test_accuracy"] for r in rs),
                      "peak_mb": max(r["peak_mb"] for r in rs),
                      "rise_mb": max((r["rise_mb"] for r in rs if r["rise_mb"] is not None),
                                     default=None)}
               for name, rs in runs.items()}
    ratio = median["numpy"] / median["keras"]
    print(f"\n{'':<26}{'numpy':>12}{'Keras':>12}")
    print(f"{'median epoch 2-' + str(args.epochs) + ', s':<26}"
          f"{median['numpy']:>12.2f}{median['keras']:>12.2f}")
    for label, key, fmt in (("test accuracy, %", "test_accuracy", ".2%"),
                            ("peak memory, MB", "peak_mb", ".0f"),
                            ("rise while training, MB", "rise_mb", ".0f")):
        cells = "".join(
            f"{'n/a' if r[key] is None else format(r[key], fmt).rstrip('%'):>12}"
            for r in results.values())
        print(f"{label:<26}{cells}")
    gap = 100 * abs(results["numpy"]["test_accuracy"] - results["keras"]["test_accuracy"])
    print(f"\nratio numpy / Keras (median epoch time): {ratio:.2f}  (target <= {RATIO_TARGET})")
    print(f"test accuracy gap: {gap:.2f} points  (target <= {ACCURACY_GAP_POINTS})")
    sys.exit(0 if ratio <= RATIO_TARGET and gap <= ACCURACY_GAP_POINTS else 1)


if __name__ == "__main__":
    main()
