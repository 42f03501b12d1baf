package io.east.core.answer;

import com.ezylang.evalex.EvaluationException;
import com.ezylang.evalex.Expression;
import com.ezylang.evalex.config.ExpressionConfiguration;
import com.ezylang.evalex.data.EvaluationValue;
import com.ezylang.evalex.functions.AbstractFunction;
import com.ezylang.evalex.functions.FunctionParameter;
import com.ezylang.evalex.operators.AbstractOperator;
import com.ezylang.evalex.operators.InfixOperator;
import com.ezylang.evalex.operators.OperatorIfc;
import com.ezylang.evalex.parser.Token;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Evaluates translated expressions with EvalEx. Answers come from a model, so the evaluator is hostile-input safe:
 * powers, factorials, roots and binomials are replaced by guarded versions that refuse results EvalEx would spend
 * unbounded time or memory on ({@code 10^{10^{10}}}, {@code 100000!}), and every failure becomes {@code NaN}.
 *
 * <p>Expressions with variables are evaluated at {@link #SAMPLES} fixed pseudo-random points; the value of a
 * variable at sample k depends only on its name and k, so two expressions over the same variables are compared
 * at the same points without coordination.
 */
final class NumericEvaluator {

    static final int SAMPLES = 4;

    private static final double MAX_EXPONENT = 10_000;
    private static final double MAX_MAGNITUDE = 1e300;
    private static final int MAX_FACTORIAL = 170; // 171! overflows a double

    private static final ExpressionConfiguration CONFIG = ExpressionConfiguration.builder()
            .mathContext(MathContext.DECIMAL64)
            .implicitMultiplicationAllowed(false)
            .arraysAllowed(false)
            .structuresAllowed(false)
            .singleQuoteStringLiteralsAllowed(false)
            .powerOfPrecedence(OperatorIfc.OPERATOR_PRECEDENCE_POWER_HIGHER)
            .build()
            .withAdditionalOperators(Map.entry("^", new GuardedPower()))
            .withAdditionalFunctions(
                    Map.entry("FACT", new GuardedFactorial()),
                    Map.entry("ROOT", new GuardedRoot()),
                    Map.entry("BINOM", new GuardedBinomial()));

    private NumericEvaluator() {}

    /** Value of a variable-free expression, or NaN when it cannot be evaluated or is not finite. */
    static double evaluate(String expression) {
        try {
            return toDouble(new Expression(expression, CONFIG).evaluate());
        } catch (EvaluationException | com.ezylang.evalex.parser.ParseException | RuntimeException | StackOverflowError e) {
            return Double.NaN;
        }
    }

    /**
     * Values at the sample points; a point where evaluation fails (e.g. outside the domain of a root) is NaN.
     * The variable names are the original ones, index i standing for EvalEx variable {@code v<i>}.
     */
    static double[] sample(String expression, List<String> variables) {
        double[] values = new double[SAMPLES];
        Arrays.fill(values, Double.NaN);
        Expression e = new Expression(expression, CONFIG);
        for (int k = 0; k < SAMPLES; k++) {
            try {
                for (int v = 0; v < variables.size(); v++) {
                    e.with("v" + v, BigDecimal.valueOf(samplePoint(variables.get(v), k)));
                }
                values[k] = toDouble(e.evaluate());
            } catch (com.ezylang.evalex.parser.ParseException ex) {
                return values; // a syntax error fails at every point
            } catch (EvaluationException | RuntimeException | StackOverflowError ex) {
                values[k] = Double.NaN;
            }
        }
        return values;
    }

    /**
     * Point k of variable {@code name}, in [1.15, 2.85]: positive and away from 0 and 1 so that roots, logarithms
     * and divisions are defined and x, x^2 and 1/x are all distinct.
     */
    static double samplePoint(String name, int k) {
        long h = name.hashCode() * 0x9E3779B97F4A7C15L + (k + 1) * 0xBF58476D1CE4E5B9L;
        h ^= h >>> 31;
        h *= 0x94D049BB133111EBL;
        h ^= h >>> 29;
        double unit = (h >>> 11) * 0x1.0p-53;
        return 1.15 + 1.7 * unit;
    }

    private static double toDouble(EvaluationValue value) {
        if (!value.isNumberValue()) {
            return Double.NaN;
        }
        double d = value.getNumberValue().doubleValue();
        return Double.isFinite(d) ? d : Double.NaN;
    }

    private static EvaluationValue number(Expression expression, Token token, double value)
            throws EvaluationException {
        if (!Double.isFinite(value) || Math.abs(value) > MAX_MAGNITUDE) {
            throw new EvaluationException(token, "result out of range");
        }
        return expression.convertValue(BigDecimal.valueOf(value));
    }

    private static double operand(Token token, EvaluationValue value) throws EvaluationException {
        if (!value.isNumberValue()) {
            throw EvaluationException.ofUnsupportedDataTypeInOperation(token);
        }
        return value.getNumberValue().doubleValue();
    }

    private static boolean isInteger(double x) {
        return Math.rint(x) == x && Math.abs(x) < 1e15;
    }

    /** Right-associative, binds tighter than unary minus ({@code -2^2 = -4}); refuses huge exponents. */
    @InfixOperator(precedence = OperatorIfc.OPERATOR_PRECEDENCE_POWER_HIGHER, leftAssociative = false)
    static final class GuardedPower extends AbstractOperator {
        @Override
        public EvaluationValue evaluate(Expression expression, Token token, EvaluationValue... operands)
                throws EvaluationException {
            double base = operand(token, operands[0]);
            double exponent = operand(token, operands[1]);
            if (Math.abs(exponent) > MAX_EXPONENT) {
                throw new EvaluationException(token, "exponent out of range");
            }
            double result;
            if (base < 0 && !isInteger(exponent)) {
                // Real odd roots of negatives: (-8)^(1/3) = -2.
                double inverse = 1 / exponent;
                if (!isInteger(inverse) || Math.abs(Math.rint(inverse)) % 2 != 1) {
                    throw new EvaluationException(token, "no real power");
                }
                result = -Math.pow(-base, exponent);
            } else {
                result = Math.pow(base, exponent);
            }
            return number(expression, token, result);
        }
    }

    /**
     * A function of numbers whose every operand must be a number and whose result is refused when it is not finite
     * or beyond {@link #MAX_MAGNITUDE}, so each guarded function states only its own domain.
     */
    abstract static class GuardedFunction extends AbstractFunction {
        @Override
        public final EvaluationValue evaluate(Expression expression, Token token, EvaluationValue... parameters)
                throws EvaluationException {
            double[] operands = new double[parameters.length];
            for (int i = 0; i < parameters.length; i++) {
                operands[i] = operand(token, parameters[i]);
            }
            return number(expression, token, apply(token, operands));
        }

        /** The result for the operands, in the order of the function's parameters. */
        abstract double apply(Token token, double[] operands) throws EvaluationException;
    }

    @FunctionParameter(name = "n")
    static final class GuardedFactorial extends GuardedFunction {
        @Override
        double apply(Token token, double[] operands) throws EvaluationException {
            double n = operands[0];
            if (!isInteger(n) || n < 0 || n > MAX_FACTORIAL) {
                throw new EvaluationException(token, "factorial out of range");
            }
            double result = 1;
            for (int i = 2; i <= (int) n; i++) {
                result *= i;
            }
            return result;
        }
    }

    /** {@code ROOT(x, n)}: the real n-th root, negative for odd n and negative x. */
    @FunctionParameter(name = "x")
    @FunctionParameter(name = "n")
    static final class GuardedRoot extends GuardedFunction {
        @Override
        double apply(Token token, double[] operands) throws EvaluationException {
            double x = operands[0];
            double n = operands[1];
            if (!isInteger(n) || n == 0 || Math.abs(n) > MAX_EXPONENT) {
                throw new EvaluationException(token, "root index out of range");
            }
            if (x < 0) {
                if (Math.abs(Math.rint(n)) % 2 != 1) {
                    throw new EvaluationException(token, "even root of a negative number");
                }
                return -Math.pow(-x, 1 / n);
            }
            return Math.pow(x, 1 / n);
        }
    }

    /** {@code BINOM(n, k)} for integers 0 <= k <= n. */
    @FunctionParameter(name = "n")
    @FunctionParameter(name = "k")
    static final class GuardedBinomial extends GuardedFunction {
        @Override
        double apply(Token token, double[] operands) throws EvaluationException {
            double n = operands[0];
            double k = operands[1];
            if (!isInteger(n) || !isInteger(k) || k < 0 || n < k || n > 1e6) {
                throw new EvaluationException(token, "binomial out of range");
            }
            int kk = (int) Math.min(k, n - k);
            if (kk > 10_000) {
                throw new EvaluationException(token, "binomial out of range");
            }
            double result = 1;
            for (int i = 1; i <= kk; i++) {
                result = result * (n - kk + i) / i;
                if (!Double.isFinite(result)) {
                    break;
                }
            }
            return Math.rint(result);
        }
    }
}
