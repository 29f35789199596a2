package org.ihcblotquant.job;

import org.ihcblotquant.core.ProgressListener;

/**
 * One use case (score a folder, analyse a blot, compare groups...): an immutable request in, an
 * outcome out. Front ends (CLI, ImageJ 1 commands, SciJava commands) only build the request from
 * what the user typed, call {@link #run}, and present the outcome; they never repeat a check or
 * a computation the job does.
 *
 * <p>Invalid request fields throw {@link FieldException} (rendered per front end); bad input the
 * user can fix throws {@link org.ihcblotquant.core.InputException}; cancellation through the
 * listener throws {@link org.ihcblotquant.core.CancelledException}.
 *
 * @param <Q> request type (immutable)
 * @param <R> outcome type (tables, provenance, warnings, images or overlays as data)
 */
public interface Job<Q, R extends JobOutcome> {

    R run(Q request, ProgressListener progress);
}
