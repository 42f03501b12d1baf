package io.east.producers.synthetic;

import io.east.producers.synthetic.SyntheticProblem.Step;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Puts a computation into words from a deliberately small vocabulary: a character-level model of about a million
 * parameters has to learn the language as well as the arithmetic, and short problems fit its context.
 */
final class Wording {

    private record Person(String name, String pronoun) {
    }

    private static final List<Person> PEOPLE = List.of(
            new Person("Tom", "he"), new Person("Ben", "he"), new Person("Max", "he"), new Person("Leo", "he"),
            new Person("Sam", "he"), new Person("Ann", "she"), new Person("Mia", "she"), new Person("Eva", "she"),
            new Person("Zoe", "she"), new Person("Amy", "she"));
    private static final List<String> OBJECTS = List.of(
            "apples", "pens", "books", "cards", "coins", "shells", "stamps", "marbles", "cookies", "stickers");
    private static final List<String> CONTAINERS = List.of("boxes", "bags", "packs");
    /** {@code %d} is the operand. */
    private static final List<String> GAINS = List.of("buys %d more", "finds %d more", "gets %d more");
    private static final List<String> LOSSES = List.of("gives away %d", "loses %d", "sells %d");

    private Wording() {
    }

    static String question(Computation computation, Random random) {
        Person person = pick(PEOPLE, random);
        String object = pick(OBJECTS, random);
        List<Step> steps = computation.steps();
        Step first = steps.get(0);
        StringBuilder text = new StringBuilder();
        List<Step> events;
        if (first.operator() == '*') {
            text.append(person.name()).append(" buys ").append(first.left()).append(' ')
                    .append(pick(CONTAINERS, random)).append(" of ").append(first.right()).append(' ').append(object)
                    .append('.');
            events = steps.subList(1, steps.size());
        } else {
            text.append(person.name()).append(" has ").append(first.left()).append(' ').append(object).append('.');
            events = steps;
        }
        for (int i = 0; i < events.size(); i++) {
            Step step = events.get(i);
            String verb = String.format(Locale.ROOT, pick(step.operator() == '+' ? GAINS : LOSSES, random),
                    step.right());
            text.append(' ').append(i == 0 ? capitalised(person.pronoun()) : "Then " + person.pronoun())
                    .append(' ').append(verb).append('.');
        }
        text.append(" How many ").append(object).append(" does ").append(person.name()).append(" have?");
        return text.toString();
    }

    /** One line per step, then the GSM8K answer line. */
    static String solution(Computation computation) {
        StringBuilder text = new StringBuilder();
        for (Step step : computation.steps()) {
            text.append(step).append('\n');
        }
        return text.append("#### ").append(computation.answer()).toString();
    }

    private static <T> T pick(List<T> options, Random random) {
        return options.get(random.nextInt(options.size()));
    }

    private static String capitalised(String word) {
        return Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }
}
