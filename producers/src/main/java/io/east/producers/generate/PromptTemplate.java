package io.east.producers.generate;

/**
 * Turns a question into the text a backend completes. The template is taken literally (no escape sequences), so
 * LaTeX such as {@code \boxed{}} survives; every {@value #PLACEHOLDER} is replaced by the question.
 */
public record PromptTemplate(String template) {

    public static final String PLACEHOLDER = "{question}";
    public static final PromptTemplate DEFAULT = new PromptTemplate("Question: {question}\nAnswer: Let's think step by step.");

    public PromptTemplate {
        if (template == null || !template.contains(PLACEHOLDER)) {
            throw new IllegalArgumentException("the prompt template must contain " + PLACEHOLDER + ", got '"
                    + abbreviate(template) + "'");
        }
    }

    public String fill(String question) {
        return template.replace(PLACEHOLDER, question);
    }

    private static String abbreviate(String text) {
        if (text == null) {
            return "null";
        }
        return text.length() <= 60 ? text : text.substring(0, 57) + "...";
    }
}
