"""Student answers for notebook 03, written the way students write them.

The contract is the one tests/nb01_answers.py describes: WRONG answers (each a whole
answer cell, one realistic mistake) must lose their exercise's points and fail its
visible check with a message matching MESSAGES; RIGHT answers (other correct forms,
float32, loops) must keep full marks; CHECKS runs an exercise's visible check on a
namespace holding the answer; LOOPS and CRASHES name the exercises the pipeline test
replaces by an endless loop and a kernel crash.

An exercise here holds a function and its derivative, so each wrong cell gets one of
the two wrong and keeps the other right; every graded function has at least two
mistakes and one correct alternative.
"""
from helpers.grading import nb03

NAME = "03_activations"
LOOPS = "relu"
CRASHES = "swish"

SIGMOID = ("def sigmoid(z):\n    return 1 / (1 + np.exp(-z))\n\n"
           "def sigmoid_derivative(z):\n    s = sigmoid(z)\n    return s * (1 - s)\n")
RIGHT_SIGMOID_DERIVATIVE = ("def sigmoid_derivative(z):\n    s = sigmoid(z)\n"
                            "    return s * (1 - s)\n")
RIGHT_TANH_DERIVATIVE = "def tanh_derivative(z):\n    return 1 - np.tanh(z) ** 2\n"
RIGHT_RELU = "def relu(z):\n    return np.maximum(0, z)\n"
RIGHT_RELU_DERIVATIVE = "def relu_derivative(z):\n    return (z > 0).astype(float)\n"
RIGHT_LEAKY = "def leaky_relu(z, alpha=0.01):\n    return np.where(z > 0, z, alpha * z)\n"
RIGHT_LEAKY_DERIVATIVE = ("def leaky_relu_derivative(z, alpha=0.01):\n"
                          "    return np.where(z > 0, 1.0, alpha)\n")
RIGHT_ELU = ("def elu(z, alpha=1.0):\n"
             "    return np.where(z > 0, z, alpha * (np.exp(np.minimum(z, 0)) - 1))\n")
RIGHT_ELU_DERIVATIVE = ("def elu_derivative(z, alpha=1.0):\n"
                        "    return np.where(z > 0, 1.0, alpha * np.exp(np.minimum(z, 0)))\n")
RIGHT_SWISH = "def swish(z):\n    return z * sigmoid(z)\n"
RIGHT_SWISH_DERIVATIVE = ("def swish_derivative(z):\n    s = sigmoid(z)\n"
                          "    return s + z * s * (1 - s)\n")
SOLUTION_CHOICES = {"mixture": "softmax", "brightness": "sigmoid", "profit": "linear",
                    "cosine": "tanh"}
RIGHT_NUMERICAL = ("def numerical_derivative(f, z, eps=1e-5):\n"
                   "    return (f(z + eps) - f(z - eps)) / (2 * eps)\n")
SCE_HEAD = "def softmax_cross_entropy_backward(A, labels):\n    C, m = A.shape\n"


def _choice(task, value):
    """The answer cell of one output-activation task."""
    return f"output_{task} = {value!r}\n"


# Questions: their visible check says only that they are answered; the hidden one judges.
QUESTIONS = {f"output_{task}" for task in SOLUTION_CHOICES}

WRONG = {
    "sigmoid": {
        "missing minus": "def sigmoid(z):\n    return 1 / (1 + np.exp(z))\n\n"
                         + RIGHT_SIGMOID_DERIVATIVE,
        "overflowing form": "def sigmoid(z):\n    return np.exp(z) / (1 + np.exp(z))\n\n"
                            + RIGHT_SIGMOID_DERIVATIVE,
        "math.exp": "import math\n\ndef sigmoid(z):\n    return 1 / (1 + math.exp(-z))\n\n"
                    + RIGHT_SIGMOID_DERIVATIVE,
        "derivative of a, not z": (
            "def sigmoid(z):\n    return 1 / (1 + np.exp(-z))\n\n"
            "def sigmoid_derivative(z):\n    return z * (1 - z)\n"),
        "derivative mixes s and z": (
            "def sigmoid(z):\n    return 1 / (1 + np.exp(-z))\n\n"
            "def sigmoid_derivative(z):\n    return sigmoid(z) * (1 - z)\n"),
        "1 / 1 + exp(-z)": "def sigmoid(z):\n    return 1 / 1 + np.exp(-z)\n\n"
                           + RIGHT_SIGMOID_DERIVATIVE,
        "exp(-z) in the numerator": (
            "def sigmoid(z):\n    return np.exp(-z) / (1 + np.exp(-z))\n\n"
            + RIGHT_SIGMOID_DERIVATIVE),
        "derivative s * (1 + s)": (
            "def sigmoid(z):\n    return 1 / (1 + np.exp(-z))\n\n"
            "def sigmoid_derivative(z):\n    s = sigmoid(z)\n    return s * (1 + s)\n"),
        "derivative 1 - s**2 (tanh's)": (
            "def sigmoid(z):\n    return 1 / (1 + np.exp(-z))\n\n"
            "def sigmoid_derivative(z):\n    return 1 - sigmoid(z) ** 2\n"),
        "derivative as a fraction of exponentials": (
            "def sigmoid(z):\n    return 1 / (1 + np.exp(-z))\n\n"
            "def sigmoid_derivative(z):\n"
            "    return np.exp(-z) / (1 + np.exp(-z)) ** 2\n"),
        "derivative without the square": (
            "def sigmoid(z):\n    return 1 / (1 + np.exp(-z))\n\n"
            "def sigmoid_derivative(z):\n    return np.exp(-z) / (1 + np.exp(-z))\n"),
        "derivative times z (chain rule)": (
            "def sigmoid(z):\n    return 1 / (1 + np.exp(-z))\n\n"
            "def sigmoid_derivative(z):\n    s = sigmoid(z)\n    return z * s * (1 - s)\n"),
    },
    "tanh": {
        "fraction of exponentials": (
            "def tanh(z):\n"
            "    return (np.exp(z) - np.exp(-z)) / (np.exp(z) + np.exp(-z))\n\n"
            + RIGHT_TANH_DERIVATIVE),
        "2 sigmoid(z) - 1": "def tanh(z):\n    return 2 * sigmoid(z) - 1\n\n"
                            + RIGHT_TANH_DERIVATIVE,
        "derivative without the square": (
            "def tanh(z):\n    return np.tanh(z)\n\n"
            "def tanh_derivative(z):\n    return 1 - tanh(z)\n"),
        "derivative of a, not z": (
            "def tanh(z):\n    return np.tanh(z)\n\n"
            "def tanh_derivative(z):\n    return 1 - z ** 2\n"),
        "fraction with exp(-2z)": (
            "def tanh(z):\n"
            "    return (1 - np.exp(-2 * z)) / (1 + np.exp(-2 * z))\n\n"
            + RIGHT_TANH_DERIVATIVE),
        "derivative 1 + tanh**2": (
            "def tanh(z):\n    return np.tanh(z)\n\n"
            "def tanh_derivative(z):\n    return 1 + np.tanh(z) ** 2\n"),
        "derivative squares z": (
            "def tanh(z):\n    return np.tanh(z)\n\n"
            "def tanh_derivative(z):\n    return 1 - np.tanh(z ** 2)\n"),
        "derivative sech without the square": (
            "def tanh(z):\n    return np.tanh(z)\n\n"
            "def tanh_derivative(z):\n    return 1 / np.cosh(z)\n"),
        "derivative through sigmoid, one 2 dropped": (
            "def tanh(z):\n    return 2 * sigmoid(2 * z) - 1\n\n"
            "def tanh_derivative(z):\n"
            "    s = sigmoid(2 * z)\n"
            "    return 2 * s * (1 - s)\n"),
        "derivative through sigmoid, both 2s dropped": (
            "def tanh(z):\n    return 2 * sigmoid(2 * z) - 1\n\n"
            "def tanh_derivative(z):\n"
            "    s = sigmoid(2 * z)\n"
            "    return s * (1 - s)\n"),
    },
    "relu": {
        "np.max instead of np.maximum": "def relu(z):\n    return np.max(0, z)\n\n"
                                        + RIGHT_RELU_DERIVATIVE,
        "if on an array": (
            "def relu(z):\n"
            "    if z > 0:\n"
            "        return z\n"
            "    return 0 * z\n\n" + RIGHT_RELU_DERIVATIVE),
        "list from a loop": (
            "def relu(z):\n"
            "    result = []\n"
            "    for value in np.ravel(z):\n"
            "        result.append(max(0.0, value))\n"
            "    return result\n\n" + RIGHT_RELU_DERIVATIVE),
        "changes z in place": (
            "def relu(z):\n"
            "    z[z < 0] = 0\n"
            "    return z\n\n" + RIGHT_RELU_DERIVATIVE),
        "derivative returns relu": RIGHT_RELU + "\n"
            "def relu_derivative(z):\n    return np.maximum(0, z)\n",
        "derivative -1 below zero": RIGHT_RELU + "\n"
            "def relu_derivative(z):\n    return np.sign(z)\n",
        "boolean mask": "def relu(z):\n    return z > 0\n\n" + RIGHT_RELU_DERIVATIVE,
        "no return": "def relu(z):\n    np.maximum(0, z)\n\n" + RIGHT_RELU_DERIVATIVE,
        "np.max(z, 0)": "def relu(z):\n    return np.max(z, 0)\n\n" + RIGHT_RELU_DERIVATIVE,
        "derivative relu(z) / z": RIGHT_RELU + "\n"
            "def relu_derivative(z):\n    return relu(z) / z\n",
        "derivative with a conditional expression": RIGHT_RELU + "\n"
            "def relu_derivative(z):\n    return 1.0 if z > 0 else 0.0\n",
        "derivative 1 or -1": RIGHT_RELU + "\n"
            "def relu_derivative(z):\n    return np.where(z > 0, 1, -1)\n",
    },
    "leaky_relu": {
        "alpha ignored": (
            "def leaky_relu(z, alpha=0.01):\n    return np.where(z > 0, z, 0.01 * z)\n\n"
            + RIGHT_LEAKY_DERIVATIVE),
        "alpha instead of alpha * z": (
            "def leaky_relu(z, alpha=0.01):\n    return np.where(z > 0, z, alpha)\n\n"
            + RIGHT_LEAKY_DERIVATIVE),
        "if on an array": (
            "def leaky_relu(z, alpha=0.01):\n"
            "    if z > 0:\n"
            "        return z\n"
            "    else:\n"
            "        return alpha * z\n\n" + RIGHT_LEAKY_DERIVATIVE),
        "derivative alpha * z": RIGHT_LEAKY + "\n"
            "def leaky_relu_derivative(z, alpha=0.01):\n"
            "    return np.where(z > 0, 1, alpha * z)\n",
        "derivative of relu": RIGHT_LEAKY + "\n"
            "def leaky_relu_derivative(z, alpha=0.01):\n"
            "    return (z > 0).astype(float)\n",
        "slope 0.1 from the plot": (
            "def leaky_relu(z, alpha=0.01):\n    return np.where(z > 0, z, 0.1 * z)\n\n"
            + RIGHT_LEAKY_DERIVATIVE),
        "np.minimum": (
            "def leaky_relu(z, alpha=0.01):\n    return np.minimum(z, alpha * z)\n\n"
            + RIGHT_LEAKY_DERIVATIVE),
        "np.max(z, alpha * z)": (
            "def leaky_relu(z, alpha=0.01):\n    return np.max(z, alpha * z)\n\n"
            + RIGHT_LEAKY_DERIVATIVE),
        "derivative slopes swapped": RIGHT_LEAKY + "\n"
            "def leaky_relu_derivative(z, alpha=0.01):\n"
            "    return np.where(z > 0, alpha, 1)\n",
        "derivative -alpha": RIGHT_LEAKY + "\n"
            "def leaky_relu_derivative(z, alpha=0.01):\n"
            "    return np.where(z > 0, 1, -alpha)\n",
        "derivative in an integer array": RIGHT_LEAKY + "\n"
            "def leaky_relu_derivative(z, alpha=0.01):\n"
            "    slope = np.zeros(z.shape, dtype=int)\n"
            "    slope[z > 0] = 1\n"
            "    slope[z <= 0] = alpha\n"
            "    return slope\n",
    },
    "elu": {
        "tutorial formula": (
            "def elu(z, alpha=1.0):\n    return z * (1 - np.exp(-z))\n\n"
            + RIGHT_ELU_DERIVATIVE),
        "alpha outside the bracket": (
            "def elu(z, alpha=1.0):\n    return np.where(z > 0, z, alpha * np.exp(z) - 1)\n\n"
            + RIGHT_ELU_DERIVATIVE),
        "mask times overflow": (
            "def elu(z, alpha=1.0):\n"
            "    return z * (z > 0) + alpha * (np.exp(z) - 1) * (z <= 0)\n\n"
            + RIGHT_ELU_DERIVATIVE),
        "derivative returns elu": RIGHT_ELU + "\n"
            "def elu_derivative(z, alpha=1.0):\n"
            "    return np.where(z > 0, 1.0, elu(z, alpha))\n",
        "derivative without alpha": RIGHT_ELU + "\n"
            "def elu_derivative(z, alpha=1.0):\n"
            "    return np.where(z > 0, 1.0, np.exp(np.minimum(z, 0)))\n",
        "alpha on both sides": (
            "def elu(z, alpha=1.0):\n"
            "    return alpha * np.where(z > 0, z, np.exp(z) - 1)\n\n"
            + RIGHT_ELU_DERIVATIVE),
        "the - 1 missing": (
            "def elu(z, alpha=1.0):\n    return np.where(z > 0, z, alpha * np.exp(z))\n\n"
            + RIGHT_ELU_DERIVATIVE),
        "derivative z + alpha": RIGHT_ELU + "\n"
            "def elu_derivative(z, alpha=1.0):\n"
            "    return np.where(z > 0, 1.0, z + alpha)\n",
        "derivative without the branch": RIGHT_ELU + "\n"
            "def elu_derivative(z, alpha=1.0):\n    return alpha * np.exp(z)\n",
        "derivative elu(z) + alpha everywhere": RIGHT_ELU + "\n"
            "def elu_derivative(z, alpha=1.0):\n    return elu(z, alpha) + alpha\n",
    },
    "swish": {
        "sigmoid of -z": "def swish(z):\n    return z * sigmoid(-z)\n\n"
                         + RIGHT_SWISH_DERIVATIVE,
        "overflowing form": "def swish(z):\n    return z * np.exp(z) / (1 + np.exp(z))\n\n"
                            + RIGHT_SWISH_DERIVATIVE,
        "derivative without the product rule": RIGHT_SWISH + "\n"
            "def swish_derivative(z):\n    return sigmoid(z) * (1 - sigmoid(z))\n",
        "derivative missing s(z)": RIGHT_SWISH + "\n"
            "def swish_derivative(z):\n    s = sigmoid(z)\n    return z * s * (1 - s)\n",
        "1 / 1 + exp(-z)": "def swish(z):\n    return z * (1 / 1 + np.exp(-z))\n\n"
                           + RIGHT_SWISH_DERIVATIVE,
        "derivative from swish(z)": RIGHT_SWISH + "\n"
            "def swish_derivative(z):\n    s = swish(z)\n    return s + z * s * (1 - s)\n",
        "derivative with a minus": RIGHT_SWISH + "\n"
            "def swish_derivative(z):\n    s = sigmoid(z)\n    return s - z * s * (1 - s)\n",
        "derivative by the quotient rule": RIGHT_SWISH + "\n"
            "def swish_derivative(z):\n"
            "    e = np.exp(-z)\n"
            "    return (1 + e + z * e) / (1 + e) ** 2\n",
    },
    "softmax": {
        "no shift": (
            "def softmax(z):\n"
            "    return np.exp(z) / np.sum(np.exp(z), axis=0, keepdims=True)\n"),
        "one shift for the whole array": (
            "def softmax(z):\n"
            "    e = np.exp(z - np.max(z))\n"
            "    return e / e.sum(axis=0, keepdims=True)\n"),
        "sum over the whole array": (
            "def softmax(z):\n"
            "    e = np.exp(z - np.max(z, axis=0))\n"
            "    return e / np.sum(e)\n"),
        "rows (Keras layout)": (
            "def softmax(z):\n"
            "    e = np.exp(z - np.max(z, axis=1, keepdims=True))\n"
            "    return e / np.sum(e, axis=1, keepdims=True)\n"),
        "rows without keepdims": (
            "def softmax(z):\n"
            "    e = np.exp(z - z.max(axis=1))\n"
            "    return e / e.sum(axis=1)\n"),
        "hard max": (
            "def softmax(z):\n"
            "    return (z == np.max(z, axis=0, keepdims=True)).astype(float)\n"),
        "shift in place": (
            "def softmax(z):\n"
            "    z -= np.max(z, axis=0, keepdims=True)\n"
            "    e = np.exp(z)\n"
            "    return e / np.sum(e, axis=0, keepdims=True)\n"),
        "max of the rows": (
            "def softmax(z):\n"
            "    e = np.exp(z - np.max(z, axis=1, keepdims=True))\n"
            "    return e / np.sum(e, axis=0, keepdims=True)\n"),
        "sum of the rows": (
            "def softmax(z):\n"
            "    e = np.exp(z - np.max(z, axis=0, keepdims=True))\n"
            "    return e / e.sum(axis=1, keepdims=True)\n"),
        "minimum subtracted": (
            "def softmax(z):\n"
            "    e = np.exp(z - z.min(axis=0, keepdims=True))\n"
            "    return e / e.sum(axis=0, keepdims=True)\n"),
        "log of the sum, unshifted": (
            "def softmax(z):\n"
            "    return np.exp(z - np.log(np.sum(np.exp(z), axis=0)))\n"),
        "divided by the maximum": (
            "def softmax(z):\n"
            "    e = np.exp(z - np.max(z, axis=0, keepdims=True))\n"
            "    return e / np.max(e, axis=0, keepdims=True)\n"),
    },
    "numerical_derivative": {
        "one-sided difference": ("def numerical_derivative(f, z, eps=1e-5):\n"
                                 "    return (f(z + eps) - f(z)) / eps\n"),
        "divided by eps": ("def numerical_derivative(f, z, eps=1e-5):\n"
                           "    return (f(z + eps) - f(z - eps)) / eps\n"),
        "eps too large": ("def numerical_derivative(f, z, eps=1e-2):\n"
                          "    return (f(z + eps) - f(z - eps)) / (2 * eps)\n"),
        "eps ignored": ("def numerical_derivative(f, z, eps=1e-5):\n"
                        "    h = 1e-5\n"
                        "    return (f(z + h) - f(z - h)) / (2 * h)\n"),
        "/ 2 * eps": ("def numerical_derivative(f, z, eps=1e-5):\n"
                      "    return (f(z + eps) - f(z - eps)) / 2 * eps\n"),
        "backward difference": ("def numerical_derivative(f, z, eps=1e-5):\n"
                                "    return (f(z) - f(z - eps)) / eps\n"),
    },
    "softmax_cross_entropy_backward": {
        "s (1 - s)": ("def softmax_cross_entropy_backward(A, labels):\n"
                      "    return A * (1 - A)\n"),
        "A - Y times s (1 - s)": (SCE_HEAD + "    Y = np.eye(C)[labels[0]].T\n"
                                  "    return (A - Y) * A * (1 - A)\n"),
        "divided by m": (SCE_HEAD + "    Y = np.eye(C)[labels[0]].T\n"
                         "    return (A - Y) / m\n"),
        "Y - A": SCE_HEAD + "    Y = np.eye(C)[labels[0]].T\n    return Y - A\n",
        "labels not one-hot": ("def softmax_cross_entropy_backward(A, labels):\n"
                               "    return A - labels\n"),
        "one-hot not transposed": (SCE_HEAD + "    Y = np.eye(C)[labels[0]]\n"
                                   "    return A - Y\n"),
        "1 subtracted everywhere": ("def softmax_cross_entropy_backward(A, labels):\n"
                                    "    return A - 1\n"),
    },
    "output_mixture": {
        "sigmoid for shares of a whole": _choice("mixture", "sigmoid"),
        "relu for shares": _choice("mixture", "relu"),
        "a typo": _choice("mixture", "sofmax"),
    },
    "output_brightness": {
        "tanh for a grey level": _choice("brightness", "tanh"),
        "softmax for one unit per pixel": _choice("brightness", "softmax"),
        "linear for a bounded level": _choice("brightness", "linear"),
    },
    "output_profit": {
        "relu for a profit": _choice("profit", "relu"),
        "leaky_relu for a profit": _choice("profit", "leaky_relu"),
        "a stray comma makes a tuple": "output_profit = 'linear',\n",
    },
    "output_cosine": {
        "sigmoid for a cosine": _choice("cosine", "sigmoid"),
        "linear for a cosine": _choice("cosine", "linear"),
        "elu for a cosine": _choice("cosine", "elu"),
    },
}

RIGHT = {
    "sigmoid": {
        "tanh form in float32, derivative s - s**2": (
            "def sigmoid(z):\n"
            "    z = np.asarray(z, dtype=np.float32)\n"
            "    return 0.5 * (1 + np.tanh(0.5 * z))\n\n"
            "def sigmoid_derivative(z):\n"
            "    s = sigmoid(z)\n"
            "    return s - s ** 2\n"),
        "stable two-branch forms": (
            "def sigmoid(z):\n"
            "    z = np.asarray(z, dtype=float)\n"
            "    e = np.exp(-np.abs(z))\n"
            "    return np.where(z >= 0, 1 / (1 + e), e / (1 + e))\n\n"
            "def sigmoid_derivative(z):\n"
            "    e = np.exp(-np.abs(z))\n"
            "    return e / (1 + e) ** 2\n"),
    },
    "tanh": {
        "through sigmoid, derivative sech squared": (
            "def tanh(z):\n"
            "    return 2 * sigmoid(2 * z) - 1\n\n"
            "def tanh_derivative(z):\n"
            "    return 1 / np.cosh(z) ** 2\n"),
        "stable fraction, factored derivative": (
            "def tanh(z):\n"
            "    e = np.exp(-2 * np.abs(z))\n"
            "    return np.sign(z) * (1 - e) / (1 + e)\n\n"
            "def tanh_derivative(z):\n"
            "    t = tanh(z)\n"
            "    return (1 - t) * (1 + t)\n"),
    },
    "relu": {
        "np.where, slope 1 at zero": (
            "def relu(z):\n"
            "    return np.where(z > 0, z, 0.0)\n\n"
            "def relu_derivative(z):\n"
            "    return z >= 0\n"),
        "mask product, half a slope at zero": (
            "def relu(z):\n"
            "    return z * (z > 0)\n\n"
            "def relu_derivative(z):\n"
            "    return np.heaviside(z, 0.5)\n"),
        "half of z + |z|, integer slopes": (
            "def relu(z):\n"
            "    return (z + np.abs(z)) / 2\n\n"
            "def relu_derivative(z):\n"
            "    return (z > 0).astype(int)\n"),
    },
    "leaky_relu": {
        "maximum, slope 1 at zero": (
            "def leaky_relu(z, alpha=0.01):\n"
            "    return np.maximum(alpha * z, z)\n\n"
            "def leaky_relu_derivative(z, alpha=0.01):\n"
            "    return np.where(z >= 0, 1, alpha)\n"),
        "a loop over the entries": (
            "def leaky_relu(z, alpha=0.01):\n"
            "    z = np.asarray(z, dtype=float)\n"
            "    out = np.empty_like(z)\n"
            "    for i, value in enumerate(z.flat):\n"
            "        out.flat[i] = value if value > 0 else alpha * value\n"
            "    return out\n\n"
            "def leaky_relu_derivative(z, alpha=0.01):\n"
            "    slope = np.ones(np.shape(z))\n"
            "    slope[np.asarray(z) < 0] = alpha\n"
            "    return slope\n"),
        "strict z < 0 branch": (
            "def leaky_relu(z, alpha=0.01):\n"
            "    return np.where(z < 0, alpha * z, z)\n\n"
            "def leaky_relu_derivative(z, alpha=0.01):\n"
            "    return np.where(z < 0, alpha, 1.0)\n"),
    },
    "elu": {
        "np.where that overflows harmlessly, slope from elu": (
            "def elu(z, alpha=1.0):\n"
            "    return np.where(z > 0, z, alpha * (np.exp(z) - 1))\n\n"
            "def elu_derivative(z, alpha=1.0):\n"
            "    return np.where(z > 0, 1.0, elu(z, alpha) + alpha)\n"),
        "expm1 on a copy, in float32": (
            "def elu(z, alpha=1.0):\n"
            "    out = np.array(z, dtype=np.float32)\n"
            "    negative = out <= 0\n"
            "    out[negative] = alpha * np.expm1(out[negative])\n"
            "    return out\n\n"
            "def elu_derivative(z, alpha=1.0):\n"
            "    slope = np.ones(np.shape(z))\n"
            "    negative = np.asarray(z) <= 0\n"
            "    slope[negative] = alpha * np.exp(np.asarray(z)[negative])\n"
            "    return slope\n"),
        "strict z < 0 branch, alpha outside the where": (
            "def elu(z, alpha=1.0):\n"
            "    return np.where(z < 0, alpha * np.expm1(np.minimum(z, 0)), z)\n\n"
            "def elu_derivative(z, alpha=1.0):\n"
            "    return np.where(z < 0, alpha * np.exp(np.minimum(z, 0)), 1.0)\n"),
    },
    "swish": {
        "division form, slope from swish": (
            "def swish(z):\n"
            "    return z / (1 + np.exp(-z))\n\n"
            "def swish_derivative(z):\n"
            "    return swish(z) + sigmoid(z) * (1 - swish(z))\n"),
        "factored slope": (
            "def swish(z):\n"
            "    return z * sigmoid(z)\n\n"
            "def swish_derivative(z):\n"
            "    s = sigmoid(z)\n"
            "    return s * (1 + z * (1 - s))\n"),
    },
    "softmax": {
        "log-sum-exp": (
            "def softmax(z):\n"
            "    top = np.max(z, axis=0, keepdims=True)\n"
            "    log_total = top + np.log(np.sum(np.exp(z - top), axis=0, keepdims=True))\n"
            "    return np.exp(z - log_total)\n"),
        "a loop over the columns, in float32": (
            "def softmax(z):\n"
            "    z = np.asarray(z, dtype=np.float32)\n"
            "    out = np.zeros_like(z)\n"
            "    for j in range(z.shape[1]):\n"
            "        e = np.exp(z[:, j] - z[:, j].max())\n"
            "        out[:, j] = e / e.sum()\n"
            "    return out\n"),
        "column maximum without keepdims (broadcasts along the columns)": (
            "def softmax(z):\n"
            "    e = np.exp(z - z.max(axis=0))\n"
            "    return e / e.sum(axis=0)\n"),
    },
    "numerical_derivative": {
        "step in a variable": ("def numerical_derivative(f, z, eps=1e-5):\n"
                               "    forward, backward = f(z + eps), f(z - eps)\n"
                               "    return (forward - backward) / 2 / eps\n"),
        "through np.asarray": ("def numerical_derivative(f, z, eps=1e-5):\n"
                               "    z = np.asarray(z, dtype=float)\n"
                               "    return 0.5 * (f(z + eps) - f(z - eps)) / eps\n"),
    },
    "softmax_cross_entropy_backward": {
        "np.eye transposed": (SCE_HEAD + "    return A - np.eye(C)[labels[0]].T\n"),
        "a loop over the examples": (
            "def softmax_cross_entropy_backward(A, labels):\n"
            "    dZ = A.copy()\n"
            "    for j in range(A.shape[1]):\n"
            "        dZ[labels[0, j], j] -= 1\n"
            "    return dZ\n"),
        "comparison with the class numbers": (
            SCE_HEAD + "    Y = (np.arange(C)[:, None] == labels).astype(float)\n"
            "    return A - Y\n"),
    },
    "output_mixture": {"capitals": _choice("mixture", "Softmax")},
    "output_brightness": {"Keras's other name": _choice("brightness", "logistic")},
    "output_profit": {"Keras's other name": _choice("profit", "identity")},
    "output_cosine": {"spaces and capitals": _choice("cosine", " TANH")},
}

# Submissions that must score 0 for the whole notebook and be flagged, whatever else
# they contain (each is added to an otherwise correct notebook).
CHEATS = {
    "patches numpy": "np.allclose = lambda *args, **kwargs: True\n",
    "patches the checks": "checks.check_softmax = lambda f: None\n",
    "imports the reference": (
        "from helpers.activations import elu as _elu\n"
        "def elu(z, alpha=1.0):\n    return _elu(z, alpha)\n"),
    "silences errors through IPython": (
        "get_ipython().set_custom_exc((Exception,), lambda *a, **k: None)\n"),
    "shell escape": "!echo hacked > ../helpers_patch.txt\n",
    "reaches builtins": "__builtins__.print = None\n",
}


def _pair(exercise):
    function, derivative = nb03.FUNCTIONS[exercise]
    check = getattr(nb03, f"check_{exercise}")
    return lambda ns: check(ns[function], ns[derivative])


CHECKS = {
    **{exercise: _pair(exercise)
       for exercise in ("sigmoid", "tanh", "relu", "leaky_relu", "elu", "swish")},
    "softmax": lambda ns: nb03.check_softmax(ns["softmax"]),
    "numerical_derivative": lambda ns: nb03.check_numerical_derivative(
        ns["numerical_derivative"]),
    "softmax_cross_entropy_backward": lambda ns: nb03.check_softmax_cross_entropy_backward(
        ns["softmax_cross_entropy_backward"]),
    **{f"output_{task}": (lambda ns, task=task, answer=answer: (
        nb03.check_output_activation(ns[f"output_{task}"], task),
        nb03.hidden_output_activation(ns[f"output_{task}"], answer, task)))
       for task, answer in SOLUTION_CHOICES.items()},
}

# What each visible check must say about each mistake (a regular expression).
MESSAGES = {
    ("sigmoid", "missing minus"): r"sigmoid\(-z\)",
    ("sigmoid", "overflowing form"): r"nan for large z",
    ("sigmoid", "math.exp"): r"use numpy",
    ("sigmoid", "derivative of a, not z"): r"receives z itself",
    ("sigmoid", "derivative mixes s and z"): r"mixes s and z",
    ("sigmoid", "1 / 1 + exp(-z)"): r"divides before it adds",
    ("sigmoid", "exp(-z) in the numerator"): r"the numerator is 1",
    ("sigmoid", "derivative s * (1 + s)"): r"not s \* \(1 \+ s\)",
    ("sigmoid", "derivative 1 - s**2 (tanh's)"): r"tanh's derivative",
    ("sigmoid", "derivative as a fraction of exponentials"): r"nan for large negative z",
    ("sigmoid", "derivative without the square"): r"denominator is squared",
    ("sigmoid", "derivative times z (chain rule)"): r"z times the right value",
    ("tanh", "fraction of exponentials"): r"nan for large \|z\|",
    ("tanh", "2 sigmoid(z) - 1"): r"tanh\(z / 2\)",
    ("tanh", "derivative without the square"): r"square is missing",
    ("tanh", "derivative of a, not z"): r"receives z itself",
    ("tanh", "fraction with exp(-2z)"): r"nan for large negative z",
    ("tanh", "derivative 1 + tanh**2"): r"not 1 \+ tanh",
    ("tanh", "derivative squares z"): r"square tanh\(z\), not z",
    ("tanh", "derivative sech without the square"): r"sech\(z\) squared",
    ("tanh", "derivative through sigmoid, one 2 dropped"): r"half the slope",
    ("tanh", "derivative through sigmoid, both 2s dropped"):
        r"every entry whose right value is not 0, each of them 0\.25 times",
    ("relu", "np.max instead of np.maximum"): r"np\.maximum\(x, y\) compares",
    ("relu", "if on an array"): r"need a single True/False",
    ("relu", "list from a loop"): r"returned a list: return a numpy array",
    ("relu", "changes z in place"): r"changed its argument z in place",
    ("relu", "derivative returns relu"): r"that is relu itself",
    ("relu", "derivative -1 below zero"): r"not -1",
    ("relu", "boolean mask"): r"a 0/1 result is its derivative",
    ("relu", "np.max(z, 0)"): r"as an axis",
    ("relu", "derivative relu(z) / z"): r"at z = 0 gave nan",
    ("relu", "derivative with a conditional expression"): r"need a single True/False",
    ("relu", "derivative 1 or -1"): r"not -1",
    ("relu", "no return"): r"numeric numpy array, got NoneType",
    ("leaky_relu", "alpha ignored"): r"ignores its alpha",
    ("leaky_relu", "alpha instead of alpha * z"): r"alpha \* z, not alpha",
    ("leaky_relu", "if on an array"): r"need a single True/False",
    ("leaky_relu", "derivative alpha * z"): r"constant alpha, not alpha \* z",
    ("leaky_relu", "derivative of relu"): r"relu's derivative",
    ("leaky_relu", "slope 0.1 from the plot"): r"fixed slope 0\.1",
    ("leaky_relu", "np.minimum"): r"np\.minimum",
    ("leaky_relu", "np.max(z, alpha * z)"): r"as an axis",
    ("leaky_relu", "derivative slopes swapped"): r"other way round",
    ("leaky_relu", "derivative -alpha"): r"not -alpha",
    ("leaky_relu", "derivative in an integer array"): r"integer",
    ("elu", "tutorial formula"): r"different function",
    ("elu", "alpha outside the bracket"): r"alpha multiplies the whole",
    ("elu", "mask times overflow"): r"inf \* 0 = nan",
    ("elu", "derivative returns elu"): r"not elu\(z\) itself",
    ("elu", "derivative without alpha"): r"alpha multiplies exp\(z\)",
    ("elu", "alpha on both sides"): r"not alpha \* z",
    ("elu", "the - 1 missing"): r"- 1 is missing",
    ("elu", "derivative z + alpha"): r"elu\(z\) \+ alpha, not z \+ alpha",
    ("elu", "derivative without the branch"): r"for z > 0 the slope is 1",
    ("elu", "derivative elu(z) + alpha everywhere"): r"only where z > 0",
    ("swish", "sigmoid of -z"): r"z \* sigmoid\(-z\)",
    ("swish", "overflowing form"): r"nan for large z",
    ("swish", "derivative without the product rule"): r"product rule",
    ("swish", "derivative missing s(z)"): r"first term of the product rule is missing",
    ("swish", "1 / 1 + exp(-z)"): r"divides before it adds",
    ("swish", "derivative from swish(z)"): r"sigmoid\(z\), not swish\(z\)",
    ("swish", "derivative with a minus"): r"product rule adds",
    ("swish", "derivative by the quotient rule"): r"only for large negative z.*nan",
    ("softmax", "no shift"): r"subtract each column's maximum",
    ("softmax", "one shift for the whole array"): r"WHOLE array",
    ("softmax", "sum over the whole array"): r"in each column",
    ("softmax", "rows (Keras layout)"): r"axis=1",
    ("softmax", "rows without keepdims"): r"keepdims=True",
    ("softmax", "hard max"): r"hard max",
    ("softmax", "shift in place"): r"changed its argument z in place",
    ("softmax", "max of the rows"): r"ROW's maximum",
    ("softmax", "sum of the rows"): r"each ROW adds up to 1",
    ("softmax", "minimum subtracted"): r"minimum",
    ("softmax", "log of the sum, unshifted"): r"logits of size 100 or more",
    ("softmax", "divided by the maximum"): r"right one times a number",
    ("numerical_derivative", "one-sided difference"): r"one-sided difference \(f\(z \+ eps\)",
    ("numerical_derivative", "divided by eps"): r"twice the slope",
    ("numerical_derivative", "eps too large"): r"step is too large",
    ("numerical_derivative", "eps ignored"): r"ignores its eps",
    ("numerical_derivative", "/ 2 * eps"): r"\(2 \* eps\)",
    ("numerical_derivative", "backward difference"): r"backwards",
    ("softmax_cross_entropy_backward", "s (1 - s)"): r"only the diagonal",
    ("softmax_cross_entropy_backward", "A - Y times s (1 - s)"): r"once more",
    ("softmax_cross_entropy_backward", "divided by m"): r"divided by m.*per example",
    ("softmax_cross_entropy_backward", "Y - A"): r"sign is flipped",
    ("softmax_cross_entropy_backward", "labels not one-hot"): r"one-hot Y first",
    ("softmax_cross_entropy_backward", "one-hot not transposed"): r"one ROW per example",
    ("softmax_cross_entropy_backward", "1 subtracted everywhere"): r"only the true class",
    ("output_mixture", "sigmoid for shares of a whole"): r"add up to exactly 1.*independently",
    ("output_mixture", "relu for shares"): r"'relu' does not fit",
    ("output_mixture", "a typo"): r"unknown activation 'sofmax'",
    ("output_brightness", "tanh for a grey level"): r"0 \(black\).*between -1 and 1",
    ("output_brightness", "softmax for one unit per pixel"): r"always outputs 1",
    ("output_brightness", "linear for a bounded level"): r"'linear' does not fit.*no limits",
    ("output_profit", "relu for a profit"): r"a loss.*never gives a negative",
    ("output_profit", "leaky_relu for a profit"): r"slope is only alpha",
    ("output_profit", "a stray comma makes a tuple"): r"in quotes.*\('linear',\)",
    ("output_cosine", "sigmoid for a cosine"): r"range of a cosine.*between 0 and 1",
    ("output_cosine", "linear for a cosine"): r"'linear' does not fit",
    ("output_cosine", "elu for a cosine"): r"never goes below -alpha",
}
