"""Checks for notebook 05 (initialization).

Five exercises, each declared once as an `Exercise` (`helpers/grading/exercise.py`) in
`EXERCISES`; the visible checks (`check_<name>`) and the hidden ones (`hidden("name", fn,
args=(...), expected=...)`, with literals that `python -m helpers.grading.literals
05_initialization` computes) are made from the declarations:

- `initialize_parameters_zeros(layer_dims)`;
- `initialize_parameters_random(layer_dims, rng)`: 10 times standard normal draws;
- `steady_std(fan_in, activation, alpha=0.01)`: the weights' standard deviation that keeps
  Var(z) the same from layer to layer, which the student works out (reference below);
- `initialize_parameters_he(layer_dims, rng)` and `initialize_parameters_xavier(...)`.

The four initializers are judged by what they draw, never by the numbers themselves, so
that every correct way of drawing gets full marks (a normal or, where the exercise allows
it, a uniform of the right variance; W2 drawn before W1; a transposed draw). Each declares
how it is observed (`measure`): the check calls the student's function with generators it
makes from the case's seed and looks at the result:
- the structure: a dict with exactly W1, b1, ..., WL, bL; W[l] of shape (n[l], n[l-1]) (a
  transposed W is named), b[l] a column (n[l], 1); floating point; finite;
- the biases are zeros; the weights are not all equal (a constant, such as ones, leaves
  every unit of a layer alike), no two units of a layer share their weights, and the
  weights are centred on 0;
- the randomness comes from the generator it is given: numpy's global state is left as it
  was (no np.random.randn), the same seed gives the same weights and another seed others;
- the observation compared with the reference is the standard deviation of each W[l]
  (`std`), against `initializers.expected_std` of the scheme, within 5% or 7 standard
  errors of the standard deviation of that many normal draws, whichever is larger (on a
  log scale, `tolerances`); a layer too small for that to mean less than a factor 2 is
  not judged. The first case of each check has layers of 20,000 weights and more, where
  one standard error is about 0.5%, so that He against LeCun (a factor sqrt(2) in std),
  the fan-out for the fan-in, or Glorot's variance for He's all lie far outside it.
  Each listed mistake is a way of drawing (`DRAWS`): its predicted std per layer names it
  when the student's stds match it, and tests/nb05_answers.py's `making` writes an
  answer that draws that way.
`initialize_parameters_zeros` is observed by the largest entry of each W[l] and b[l].

`steady_std` returns a number and is compared as usual; a wrong number that no listed
mistake explains is answered with what it would do to Var(z) per layer (multiplied by
what factor), not with the expected value, which would give the derivation away.
"""
from typing import NamedTuple

import numpy as np

from .. import initializers as ref
from . import draws
from .checks import CheckFailed, Mistake, as_scalar, call, close, quiet, using, visible_for
from .exercise import Case, Exercise, hidden_checks, visible_check

NOTEBOOK = "05_initialization"
visible = visible_for(NOTEBOOK)


# -- exercise 3: the std that keeps Var(z) steady ------------------------------------------
ACTIVATIONS = ("linear", "tanh", "relu", "leaky_relu")


def _kept(activation, alpha=0.01):
    """E[g(z)^2] / E[z^2] for z symmetric about 0 (tanh: in its linear range near 0)."""
    return {"linear": 1.0, "tanh": 1.0, "relu": 0.5,
            "leaky_relu": (1 + alpha ** 2) / 2}[activation]


def steady_std(fan_in, activation, alpha=0.01):
    """The reference of exercise 3: the standard deviation of zero-mean weights, drawn
    independently, with which Var(z[l]) = Var(z[l-1]) for a layer of `activation` units
    with `fan_in` inputs: Var(z[l]) = fan_in Var(w) E[a^2] and E[a^2] = kept Var(z[l-1])."""
    if activation not in ACTIVATIONS:
        raise ValueError(f"activation must be one of {ACTIVATIONS}, got {activation!r}")
    return float(np.sqrt(1.0 / (fan_in * _kept(activation, alpha))))


def _steady_variant(kept=None, form="std"):
    """What steady_std returns with other shares kept for some activations (`kept`:
    activation -> alpha -> share), or with the variance (`form` "variance") or the
    upside-down sqrt(fan_in * share) ("grows") returned."""
    kept = kept or {}

    def wrong(fan_in, activation, alpha=0.01):
        share = kept[activation](alpha) if activation in kept else _kept(activation, alpha)
        variance = 1.0 / (fan_in * share)
        return {"std": np.sqrt(variance), "variance": variance,
                "grows": np.sqrt(fan_in * share)}[form]
    return wrong


STEADY_MISTAKES = [
    Mistake("for relu this is the linear answer, variance 1/fan_in. ReLU sets every "
            "negative z to 0, and z is symmetric about 0, so a = relu(z) keeps only half "
            "of E[z^2]: the weights' variance must make up for that factor",
            _steady_variant({"relu": lambda alpha: 1.0})),
    Mistake("for relu this is variance 1/(2 fan_in): the factor goes the wrong way. ReLU "
            "halves E[a^2], so the weights' variance must be twice 1/fan_in, not half of it",
            _steady_variant({"relu": lambda alpha: 2.0})),
    Mistake("that is the variance Var(w) that keeps Var(z) steady; the function returns "
            "the standard deviation of the weights, its square root",
            _steady_variant(form="variance")),
    Mistake("the std should shrink as fan_in grows (a sum of more terms is larger), but "
            "yours grows with fan_in: it is one over a square root, not a square root",
            _steady_variant(form="grows")),
    Mistake("for leaky_relu this is ReLU's answer: leaky ReLU turns a negative z into "
            "alpha z rather than 0, and (alpha z)^2 adds alpha^2 times the negative half of "
            "E[z^2] to E[a^2]", _steady_variant({"leaky_relu": lambda alpha: 0.5})),
    Mistake("the negative side passes on (alpha z)^2, so alpha enters squared: "
            "E[a^2] = (1 + alpha^2)/2 E[z^2], not (1 + alpha)/2 E[z^2]",
            _steady_variant({"leaky_relu": lambda alpha: (1 + alpha) / 2})),
    Mistake("for leaky_relu this is the linear answer: leaky ReLU squeezes the negative "
            "half of z by alpha, so it passes on less than all of E[z^2]",
            _steady_variant({"leaky_relu": lambda alpha: 1.0})),
    Mistake("steady_std ignores its alpha argument: use the alpha it is given, not a "
            "fixed 0.01", _steady_variant({"leaky_relu": lambda alpha: (1 + 0.01 ** 2) / 2})),
    Mistake("for tanh this is ReLU's answer, but tanh does not cut z off at 0. Near z = 0, "
            "where weights of this size keep it, tanh(z) is close to z: it passes E[z^2] "
            "on as a linear unit does", _steady_variant({"tanh": lambda alpha: 0.5})),
    Mistake("for linear this is ReLU's answer, but a linear unit passes all of z on: "
            "E[a^2] = Var(z)", _steady_variant({"linear": lambda alpha: 0.5})),
]


def _compare_steady(value, expected, what, mistakes, args, kwargs, reveal):
    """A number; then the listed mistakes; then what the number would do to Var(z) from
    one layer to the next, never the expected value."""
    got = as_scalar(value, what)
    want = float(expected)
    if close(got, want, rtol=1e-6, atol=0):
        return
    for mistake in mistakes:
        with np.errstate(all="ignore"):
            wrong = float(np.asarray(mistake.wrong(), dtype=float))
        if close(got, wrong, rtol=1e-6, atol=0):
            raise CheckFailed(f"{what}: {mistake.message}")
    if not np.isfinite(got) or got <= 0:
        raise CheckFailed(f"{what} should be a positive number, a standard deviation"
                          + ("" if not reveal or quiet() else f"; got {got!r}"))
    factor = (got / want) ** 2
    if not reveal or quiet():
        raise CheckFailed(f"{what} is wrong: with weights of that std, Var(z) would not "
                          "stay the same from one layer to the next")
    direction = "grow" if factor > 1 else "shrink"
    raise CheckFailed(
        f"{what}: with weights of std {got:.4g}, Var(z[l]) would be {factor:.3g} times "
        f"Var(z[l-1]): the signal would {direction} at every layer instead of keeping its "
        "size (factor 1). Go back to Var(z[l]) = n[l-1] Var(w) E[(a[l-1])^2]")


def _steady_case(fan_in, activation, *alpha):
    label = f"fan_in={fan_in}, activation={activation!r}" + (
        f", alpha={alpha[0]}" if alpha else "")
    return Case((fan_in, activation, *alpha), label=label)


STEADY_STD = Exercise(
    "steady_std", steady_std, returns="a number, the standard deviation of the weights",
    visible=[_steady_case(100, "linear"), _steady_case(100, "tanh"),
             _steady_case(50, "relu"), _steady_case(50, "leaky_relu", 0.2),
             _steady_case(200, "leaky_relu")],
    mistakes={"value": STEADY_MISTAKES}, compare=_compare_steady)


# -- the four initializers: how a result is read ---------------------------------------------
def _layers(layer_dims):
    """[(n[l-1], n[l]), ...] for l = 1..L."""
    dims = [int(n) for n in layer_dims]
    return list(zip(dims[:-1], dims[1:]))


def _what_dims(layer_dims):
    return f"layer_dims={list(layer_dims)}"


def _kind(value):
    return "None" if value is None else f"a {type(value).__name__}"


def _structure(result, layer_dims, what, reveal):
    """{key: float array} of an initializer's result, or the CheckFailed that says what is
    wrong with its keys, shapes or dtype."""
    sizes = _layers(layer_dims)
    L = len(sizes)
    if type(result) is not dict:
        hint = " (did you forget `return parameters`?)" if result is None else ""
        raise CheckFailed(f"{what} should return a dict of parameters, W1, b1, W2, b2, ...; "
                          f"got {_kind(result)}{hint}")
    keys = [f"{p}{l}" for l in range(1, L + 1) for p in "Wb"]
    names = [str(k) for k in result]
    if "W0" in names or "b0" in names:
        raise CheckFailed(f"{what} returned a W0 or b0: layers are numbered from 1. W1 and "
                          "b1 take the input (layer 0, of n[0] features) to layer 1, and "
                          "the last ones are W[L] and b[L], L = len(layer_dims) - 1")
    missing = [k for k in keys if k not in result]
    extra = [k for k in names if k not in keys]
    shown_keys = (f" (that is {L} layers: W1 to W{L}, "
                  f"b1 to b{L})") if reveal and not quiet() else ""
    if missing and set(missing) == {f"W{L}", f"b{L}"}:
        raise CheckFailed(f"{what}: the last layer's W and b are missing{shown_keys}: "
                          "range(1, len(layer_dims)) runs l = 1, ..., L")
    if missing:
        listed = f": missing {missing}" if reveal and not quiet() else ""
        raise CheckFailed(f"{what} should hold one W and one b per layer, with the keys "
                          f"'W1', 'b1', 'W2', ...{shown_keys}{listed}")
    if extra:
        listed = f" {extra}" if reveal and not quiet() else ""
        raise CheckFailed(f"{what} returned keys besides W1, b1, ..., W[L], b[L]{listed}: "
                          "return only the parameters of the layers")
    params = {}
    for l, (n_prev, n) in enumerate(sizes, start=1):
        for key, shape in ((f"W{l}", (n, n_prev)), (f"b{l}", (n, 1))):
            params[key] = _array(result[key], key, shape, what, reveal)
    return params


def _array(value, key, shape, what, reveal):
    """One parameter as a float array of `shape`, or the CheckFailed naming its problem."""
    if type(value) is not np.ndarray:
        raise CheckFailed(f"{key} from {what} should be a numpy array, got {_kind(value)}")
    if not (np.issubdtype(value.dtype, np.number) or value.dtype == bool):
        raise CheckFailed(f"{key} from {what} should be a numeric array, got dtype "
                          f"{value.dtype}")
    got = value.shape
    if got != shape:
        numbers = reveal and not quiet()
        if key.startswith("W"):
            want = f"(n[{key[1:]}], n[{int(key[1:]) - 1}])" + (f" = {shape}" if numbers else "")
            if len(got) == 2 and got == shape[::-1]:
                raise CheckFailed(f"{key} from {what} is transposed: W[l] has shape "
                                  f"(n[l], n[l-1]), {want}, one row per unit of layer l and "
                                  "one column per input, so that Z = W A_prev + b")
            raise CheckFailed(f"{key} from {what} should have shape {want}"
                              + (f", got {got}" if numbers else ""))
        want = f"(n[{key[1:]}], 1)" + (f" = {shape}" if numbers else "")
        if got == (shape[0],):
            raise CheckFailed(f"{key} from {what} is a rank-1 array: make it a column of "
                              f"shape {want}, np.zeros((n, 1))")
        raise CheckFailed(f"{key} from {what} should be a column of shape {want}"
                          + (f", got {got}" if numbers else ""))
    if not np.issubdtype(value.dtype, np.floating):
        raise CheckFailed(f"{key} from {what} has dtype {value.dtype}: parameters are "
                          "floating-point numbers (np.zeros(shape) is float64 already; "
                          "dtype=int makes integers, which no training step can change "
                          "by a fraction)")
    array = value.astype(np.float64)
    if not np.all(np.isfinite(array)):
        raise CheckFailed(f"{key} from {what} contains nan or inf")
    return array


def _largest(params, prefix, L):
    return np.array([np.max(np.abs(params[f"{prefix}{l}"])) for l in range(1, L + 1)])


# -- initialize_parameters_zeros ---------------------------------------------------------
def _zeros_observed(layer_dims):
    """What a right answer is observed to hold: 0 as the largest |entry| of every W[l]
    and b[l]."""
    L = len(layer_dims) - 1
    return {"W": np.zeros(L), "b": np.zeros(L)}


def _measure_zeros(fn, what, reveal, args, kwargs):
    (layer_dims,) = args
    result = _run(fn, "initialize_parameters_zeros", layer_dims, None, {}, what)
    params = _structure(result, layer_dims, what, reveal)
    L = len(layer_dims) - 1
    return {"W": _largest(params, "W", L), "b": _largest(params, "b", L)}


def _ones(layer_dims):
    return np.ones(len(layer_dims) - 1)


def _compare_zeros(prefix):
    def compare(value, expected, what, mistakes, args, kwargs, reveal, observed):
        got = np.asarray(value, dtype=float)
        if np.all(got == 0):
            return
        for mistake in mistakes:
            if close(got, mistake.wrong()):
                raise CheckFailed(f"{what}: {mistake.message}")
        layers = [f"{prefix}{l}" for l in np.flatnonzero(got) + 1]
        which = ", ".join(layers) if reveal and not quiet() else "some of them"
        verb = "is" if len(layers) == 1 and reveal and not quiet() else "are"
        raise CheckFailed(f"{what}: every {prefix}[l] must be all zeros, and {which} {verb} "
                          "not. Use np.zeros(shape), the same for every layer")
    return compare


ZEROS = Exercise(
    "initialize_parameters_zeros", _zeros_observed,
    visible=[Case(([3, 4, 2, 1],), label="layer_dims=[3, 4, 2, 1]"),
             Case(([5, 1],), label="layer_dims=[5, 1], one layer")],
    parts={"W": ("W",), "b": ("b",)}, measure=_measure_zeros,
    returns="a dict with the keys W1, b1, ..., W[L], b[L]",
    mistakes={"W": [Mistake("the weights are ones: np.ones makes ones, np.zeros zeros. "
                            "(Ones would leave the units of a layer as alike as zeros do.)",
                            _ones)],
              "b": [Mistake("the biases are ones: np.ones makes ones, np.zeros zeros",
                            _ones)]},
    compare={"W": _compare_zeros("W"), "b": _compare_zeros("b")})


# -- the three random initializers ---------------------------------------------------------
# A way of drawing a layer's weights: "normal" with std `scale`, or "uniform" on
# [-scale, scale] (std scale / sqrt(3)), `scale` a numpy expression in n_prev = n[l-1] and
# n = n[l]. The right ways, then each listed mistake; tests/nb05_answers.py writes answers
# from these.
class Draw(NamedTuple):
    """A way of drawing: `message` is None for a right one, else the mistake's."""

    distribution: str
    scale: str
    message: str = None


_draw = Draw


def _std_of(draw, n_prev, n):
    """The std of one layer's weights drawn as `draw` (its scale is an expression of the
    course's own, above, evaluated with numpy and the layer's fans only)."""
    scale = float(eval(draw.scale, {"__builtins__": {}, "np": np},
                       {"n_prev": n_prev, "n": n}))
    return scale / np.sqrt(3.0) if draw.distribution == "uniform" else scale


def predicted_std(draw, layer_dims):
    """The std per layer that drawing as `draw` gives (its expectation)."""
    return np.array([_std_of(draw, n_prev, n) for n_prev, n in _layers(layer_dims)])


UNSCALED = ("std 1 in every layer: the standard normal draws were not scaled. "
            "Multiply them by {std}")
NOTEBOOK_02 = ("std 0.01 in every layer, notebook 02's fixed scale; here the std depends "
               "on each layer's fans: {std}")
UNIFORM = ("a uniform draw on [-s, s] has std s/sqrt(3), not s: with s = {std} the weights "
           "are sqrt(3) times too small. Draw from a normal with that std, or from a "
           "uniform whose limit is sqrt(3) times it, {limit} (Keras's {keras})")
LIMIT = ("{limit} is the limit of a uniform draw ({keras}), not the std of a normal one: a "
         "normal draw has std {std}")

HE_STD = "sqrt(2/n[l-1])"
XAVIER_STD = "sqrt(2/(n[l-1] + n[l]))"

DRAWS = {
    "initialize_parameters_random": [
        _draw("normal", "10"),
        _draw("normal", "1", "std 1 in every layer: the standard normal draws were not "
              "scaled. This exercise asks for large weights, 10 times "
              "rng.standard_normal(shape)"),
        _draw("normal", "100", "std 100 in every layer, ten times the exercise's: W[l] is "
              "10 times rng.standard_normal(shape), std 10"),
        _draw("normal", "0.01", "std 0.01 in every layer, notebook 02's small scale. This "
              "exercise asks for large weights, 10 times rng.standard_normal(shape)"),
        _draw("uniform", "10", "a uniform draw on [-10, 10] has std 10/sqrt(3), about 5.8: "
              "the exercise asks for 10 times standard normal draws, std 10"),
        _draw("normal", "np.sqrt(10)", "std sqrt(10), about 3.2: 10 is the standard "
              "deviation, not the variance (rng.normal's second argument, scale, is the "
              "std)"),
    ],
    "initialize_parameters_he": [
        _draw("normal", "np.sqrt(2 / n_prev)"),
        _draw("uniform", "np.sqrt(6 / n_prev)"),
        _draw("normal", "np.sqrt(1 / n_prev)", "that is what variance 1/n[l-1] gives, "
              "LeCun's initialization. He's variance, designed for ReLU, is 2/n[l-1], twice "
              "as large, to make up for the half of z that ReLU sets to 0"),
        _draw("normal", "np.sqrt(2 / n)", "that is what 2/n[l] gives: the fan-out n[l], the "
              "layer's own number of units, instead of the fan-in n[l-1], its number of "
              "inputs. He's variance is 2/n[l-1]"),
        _draw("normal", "2 / n_prev", "that is 2/n[l-1] itself, the variance: the std of "
              "the weights is its square root, " + HE_STD),
        _draw("normal", "np.sqrt(2 / (n_prev + n))", "that is what Glorot's (Xavier's) "
              "variance 2/(n[l-1] + n[l]) gives, the one for tanh and sigmoid. He's, for "
              "ReLU, is 2/n[l-1]"),
        _draw("normal", "2 / np.sqrt(n_prev)", "that is 2/sqrt(n[l-1]): the 2 belongs under "
              "the square root, " + HE_STD),
        _draw("uniform", "np.sqrt(2 / n_prev)", UNIFORM.format(
            std=HE_STD, limit="sqrt(6/n[l-1])", keras="he_uniform")),
        _draw("normal", "np.sqrt(6 / n_prev)", LIMIT.format(
            limit="sqrt(6/n[l-1])", keras="he_uniform", std=HE_STD)),
        _draw("normal", "1", UNSCALED.format(std=HE_STD)),
        _draw("normal", "0.01", NOTEBOOK_02.format(std=HE_STD)),
    ],
    "initialize_parameters_xavier": [
        _draw("normal", "np.sqrt(2 / (n_prev + n))"),
        _draw("uniform", "np.sqrt(6 / (n_prev + n))"),
        _draw("normal", "np.sqrt(1 / n_prev)", "that is what variance 1/n[l-1] gives, "
              "LeCun's initialization, which some tutorials call Xavier. Glorot's "
              "(Xavier's) variance uses both fans: 2/(n[l-1] + n[l])"),
        _draw("normal", "np.sqrt(2 / n_prev)", "that is what 2/n[l-1] gives, He's "
              "variance, for ReLU layers. Glorot's (Xavier's) is 2/(n[l-1] + n[l])"),
        _draw("normal", "np.sqrt(1 / (n_prev + n))", "that is what 1/(n[l-1] + n[l]) "
              "gives: the 2 is missing. Glorot's variance is 2/(n[l-1] + n[l]), one over "
              "the average of the two fans"),
        _draw("normal", "2 / (n_prev + n)", "that is 2/(n[l-1] + n[l]) itself, the "
              "variance: the std of the weights is its square root, " + XAVIER_STD),
        _draw("normal", "np.sqrt(1 / n)", "that is what 1/n[l] gives, the fan-out alone "
              "(what the backward pass asks for). Glorot's variance averages both fans: "
              "2/(n[l-1] + n[l])"),
        _draw("normal", "2 / np.sqrt(n_prev + n)", "that is 2/sqrt(n[l-1] + n[l]): the 2 "
              "belongs under the square root, " + XAVIER_STD),
        _draw("uniform", "np.sqrt(2 / (n_prev + n))", UNIFORM.format(
            std=XAVIER_STD, limit="sqrt(6/(n[l-1] + n[l]))", keras="glorot_uniform")),
        _draw("normal", "np.sqrt(6 / (n_prev + n))", LIMIT.format(
            limit="sqrt(6/(n[l-1] + n[l]))", keras="glorot_uniform", std=XAVIER_STD)),
        _draw("normal", "1", UNSCALED.format(std=XAVIER_STD)),
        _draw("normal", "0.01", NOTEBOOK_02.format(std=XAVIER_STD)),
    ],
}
SCHEMES = {"initialize_parameters_random": ("random_normal", {"stddev": 10.0}),
           "initialize_parameters_he": ("he_normal", {}),
           "initialize_parameters_xavier": ("glorot_normal", {})}
FORMULAS = {"initialize_parameters_random": "10 (the exercise's scale)",
            "initialize_parameters_he": "He's " + HE_STD,
            "initialize_parameters_xavier": "Glorot's " + XAVIER_STD}


def tolerances(layer_dims):
    """Per layer, how far the log of W[l]'s std may lie from the log of the expected one:
    log(1.05) (5%), or 7 standard errors of the log of the std of N = n[l] n[l-1] normal
    draws (1 / sqrt(2 N)) if that is larger. A layer for which that would allow more than
    a factor 2 (fewer than about 50 weights) is not judged: nan."""
    sizes = np.array([n_prev * n for n_prev, n in _layers(layer_dims)], dtype=float)
    tol = np.maximum(np.log(1.05), 7 / np.sqrt(2 * sizes))
    return np.where(tol > np.log(2), np.nan, tol)


def _log_ratio(got, want):
    with np.errstate(all="ignore"):
        return np.abs(np.log(np.asarray(got, dtype=float) / np.asarray(want, dtype=float)))


def _within(got, want, tol):
    """Whether every judged layer's std `got` lies within `tol` of `want` (log scale)."""
    judged = ~np.isnan(tol)
    return bool(np.all(_log_ratio(got, want)[judged] <= tol[judged]))


def _run(fn, name, layer_dims, seed, uses, what):
    """`fn(layer_dims)` (seed None) or `fn(layer_dims, np.random.default_rng(seed))`, as
    the check calls it, with the earlier exercises in `uses` lent; CheckFailed if it
    changed layer_dims or numpy's global random state."""
    dims = list(layer_dims)

    def draw():
        with using(fn, **uses):
            args = (dims,) if seed is None else (dims, np.random.default_rng(seed))
            return call(fn, name, *args)

    result = draws.keeping_global_state(draw, what)
    if dims != list(layer_dims):
        raise CheckFailed(f"{name} changed its argument layer_dims in place: read it, "
                          "leave it as it is (the caller still needs it)")
    return result


def _measure_random(name, uses=None):
    """The `measure` of a random initializer: the std of each W[l], once the structure,
    the biases, the look of the weights and the use of the generator are right."""
    uses = uses or {}

    def measure(fn, what, reveal, args, kwargs):
        layer_dims, seed = args
        L = len(layer_dims) - 1
        params = _structure(_run(fn, name, layer_dims, seed, uses, what), layer_dims, what,
                            reveal)
        draws.check_look(params, L, what, reveal)
        draws.check_seeded(params, lambda s: _structure(
            _run(fn, name, layer_dims, s, uses, what), layer_dims, what, reveal), seed, what)
        return {"std": np.array([params[f"W{l}"].std() for l in range(1, L + 1)])}
    return measure


def _observed_std(name):
    method, options = SCHEMES[name]

    def reference(layer_dims, seed):
        """The std per layer of the scheme (helpers.initializers.expected_std): what a
        right answer is observed to have, to sampling noise."""
        return {"std": np.array([ref.expected_std(method, n_prev, n, **options)
                                 for n_prev, n in _layers(layer_dims)])}
    reference.__name__ = f"observed_{name}"
    return reference


def _stds(got, numbers):
    if not numbers:
        return "the std of its weights, layer by layer, is off"
    return "its weights have std " + ", ".join(f"{s:.3g} (W{l})"
                                               for l, s in enumerate(got, start=1))


def _compare_std(name):
    def compare(value, expected, what, mistakes, args, kwargs, reveal, observed):
        layer_dims = args[0]
        got, want = np.asarray(value, dtype=float), np.asarray(expected, dtype=float)
        tol = tolerances(layer_dims)
        if _within(got, want, tol):
            return
        numbers = reveal and not quiet()
        for mistake in mistakes:
            if _within(got, mistake.wrong(), tol):
                raise CheckFailed(f"{what}: {_stds(got, numbers)}: {mistake.message}")
        off = _log_ratio(got, want)
        wrong = [l for l in range(len(got)) if not np.isnan(tol[l]) and not off[l] <= tol[l]]
        if not numbers:
            raise CheckFailed(f"{what}: the std of the weights is wrong in {len(wrong)} of "
                              f"{len(got)} layers: the std of W[l] should be "
                              f"{FORMULAS[name]}")
        sizes = _layers(layer_dims)
        judged = ~np.isnan(tol)
        ratio, got_judged, want_judged = (got / want)[judged], got[judged], want[judged]
        detail = "; ".join(
            f"W{l + 1} has std {got[l]:.3g} where {FORMULAS[name]} gives {want[l]:.3g} "
            f"(n[{l}] = {sizes[l][0]}, n[{l + 1}] = {sizes[l][1]})" for l in wrong)
        if len(ratio) > 1 and np.allclose(ratio, ratio[0], rtol=0.1):
            detail += (f". Every layer is off by the same factor, about {ratio[0]:.3g}: "
                       "the formula is right up to a constant")
        elif len(ratio) > 1 and np.allclose(got_judged, got_judged[0], rtol=0.1) and \
                not np.allclose(want_judged, want_judged[0], rtol=0.1):
            detail += (". Your std is about the same in every layer, whatever its fans: "
                       "the scale must depend on n[l-1] (and n[l] for Glorot)")
        raise CheckFailed(f"{what}: {detail}")
    return compare


def _initializer(name, visible_cases, uses=None):
    draws = DRAWS[name]
    return Exercise(
        name, _observed_std(name), visible=visible_cases,
        parts={"std": ("std",)}, measure=_measure_random(name, uses),
        returns="a dict with the keys W1, b1, ..., W[L], b[L]",
        mistakes={"std": [Mistake(d.message, _bound_prediction(d))
                          for d in draws if d.message is not None]},
        compare=_compare_std(name))


def _bound_prediction(draw):
    def wrong(layer_dims, seed):
        return predicted_std(draw, layer_dims)
    return wrong


def _case(layer_dims, seed):
    return Case((layer_dims, seed), label=f"{_what_dims(layer_dims)}, seed {seed}")


# Layers of 20,000 weights and more, no two fans alike (so that the fan-out cannot pass
# for the fan-in, nor Glorot's for LeCun's); then the notebook's own small network, for its
# shapes.
LARGE = [300, 100, 400, 50]
SMALL = [2, 10, 5, 1]
RANDOM = _initializer("initialize_parameters_random", [_case(LARGE, 0), _case(SMALL, 1)])
HE = _initializer("initialize_parameters_he", [_case(LARGE, 0), _case(SMALL, 1)],
                  uses={"steady_std": steady_std})
XAVIER = _initializer("initialize_parameters_xavier", [_case(LARGE, 0), _case(SMALL, 1)])

EXERCISES = {ex.name: ex for ex in (ZEROS, RANDOM, STEADY_STD, HE, XAVIER)}
check_initialize_parameters_zeros = visible(visible_check(ZEROS))
check_initialize_parameters_random = visible(visible_check(RANDOM))
check_steady_std = visible(visible_check(STEADY_STD))
check_initialize_parameters_he = visible(visible_check(HE))
check_initialize_parameters_xavier = visible(visible_check(XAVIER))
hidden = hidden_checks(EXERCISES)
