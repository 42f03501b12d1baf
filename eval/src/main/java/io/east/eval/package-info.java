/**
 * Evaluation of a policy on a test set: greedy pass@1 and maj@n with 95% Wilson intervals, through the generator's
 * backend, prompt and grading ({@link io.east.eval.Evaluator}); one checkpoint, or each new model version
 * as it is announced ({@link io.east.eval.FollowingEvaluator}); results as EvalResult records on
 * {@code east.eval} ({@link io.east.eval.EvalPublisher}).
 */
package io.east.eval;
