"""Reference implementations for the deep-learning course.

Notation (see the README's glossary): examples are columns, so X has shape (n_x, m);
layer l has W{l} of shape (n[l], n[l-1]) and b{l} of shape (n[l], 1); parameters and
gradients live in dicts keyed "W1", "b1", ..., "dW1", "db1", ....

Modules, one concept each: activations, losses, layers (forward/backward pairs and the
L-layer passes), deep (notebook 04's graded functions), initializers (with notebook 05's),
regularization (with notebook 06's), optimizers (notebook 07's update rules), schedules,
minibatches, gradcheck, metrics, train (the mini-batch training loop), logistic (notebook
01), shallow (notebook 02's one-hidden-layer network), data, mnist, plotting; `grading`
holds the checks that notebooks and nbgrader run, the guard, and the build.
"""
