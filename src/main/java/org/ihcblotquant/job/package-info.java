/**
 * The use cases of IHC Blot Quant, one class per job, shared by every front end.
 *
 * <p>Conventions (every job follows them, so the CLI in {@code cli}, the ImageJ 1 commands in
 * {@code plugin} and the SciJava commands in {@code scijava} stay thin and give the same numbers):
 * <ul>
 * <li>A job is a {@link org.ihcblotquant.job.Job}: an immutable request (built with a builder or a
 * constructor, holding typed values: paths, settings objects, numbers) and an outcome extending
 * {@link org.ihcblotquant.job.JobOutcome} (tables as {@link org.ihcblotquant.io.Table}, provenance,
 * warnings, overlays as data). Jobs never print, open dialogs, call {@code IJ.run} or exit.</li>
 * <li>Every check of user input lives in the job (or the core it calls) and throws
 * {@link org.ihcblotquant.job.FieldException} with the neutral field name (lower-case words
 * joined by '-', as the CLI option without its dashes). Front ends render it through
 * {@link org.ihcblotquant.job.FieldSpelling}.</li>
 * <li>Writing files (atomic, never over an input, output folder checked before any work) is a job
 * concern too, so every front end gets the same guarantees.</li>
 * </ul>
 */
package org.ihcblotquant.job;
