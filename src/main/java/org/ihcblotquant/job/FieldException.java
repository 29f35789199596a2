package org.ihcblotquant.job;

import org.ihcblotquant.core.InputException;

/**
 * A request field with a value the job cannot use. The field is named neutrally (lower case,
 * words joined by '-', e.g. {@code thresholds}, {@code tissue-od}, {@code pixel-size}); each front
 * end renders it in the spelling its user typed ({@code --thresholds}, {@code thresholds=}, the
 * SciJava parameter name) through a {@link FieldSpelling}. The problem text never names a front end.
 */
public class FieldException extends InputException {
    private static final long serialVersionUID = 1L;

    private final String field;
    private final String problem;
    private final boolean aboutInput;

    /**
     * @param field   neutral field name
     * @param problem what is wrong with the value, without the field name
     */
    public FieldException(String field, String problem) {
        this(field, problem, false, null);
    }

    public FieldException(String field, String problem, Throwable cause) {
        this(field, problem, false, cause);
    }

    private FieldException(String field, String problem, boolean aboutInput, Throwable cause) {
        super(field + ": " + problem, cause);
        this.field = field;
        this.problem = problem;
        this.aboutInput = aboutInput;
    }

    /**
     * A well-formed value that does not fit this input (more lanes than the image holds, a control
     * row the blot does not have): the request was valid, the data decide. The CLI exits 1 for
     * these, 2 for invalid requests.
     */
    public static FieldException notFitting(String field, String problem) {
        return new FieldException(field, problem, true, null);
    }

    /** True for {@link #notFitting} errors. */
    public boolean isAboutInput() {
        return aboutInput;
    }

    /** Neutral field name. */
    public String field() {
        return field;
    }

    /** What is wrong, without the field name. */
    public String problem() {
        return problem;
    }

    /** The message in a front end's spelling, e.g. {@code --thresholds: must increase}. */
    public String render(FieldSpelling spelling) {
        return spelling.spell(field) + ": " + problem;
    }
}
