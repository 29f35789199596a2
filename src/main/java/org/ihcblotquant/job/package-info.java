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
 * concern too, so every front end gets the same guarantees ({@link org.ihcblotquant.job.OutputFiles},
 * {@link org.ihcblotquant.job.StatsOutputs}).</li>
 * <li>A value that is well formed but does not fit the data (more lanes than the image holds) is
 * {@link org.ihcblotquant.job.FieldException#notFitting}: the CLI exits 1 for it, 2 for an invalid
 * request. Text fields are parsed with {@link org.ihcblotquant.job.Fields}, so every front end gets
 * the same message.</li>
 * </ul>
 *
 * <p>The jobs: {@link org.ihcblotquant.job.IhcBatchJob}, {@link org.ihcblotquant.job.IhcScoreJob},
 * {@link org.ihcblotquant.job.DeconvolveJob}, {@link org.ihcblotquant.job.BlotAnalyzeJob},
 * {@link org.ihcblotquant.job.BlotMeasureJob}, {@link org.ihcblotquant.job.CompareGroupsJob},
 * {@link org.ihcblotquant.job.SurvivalJob} (statistics read through
 * {@link org.ihcblotquant.job.StatsSource}: file or table, join, pooling of repeated ids),
 * {@link org.ihcblotquant.job.PlateJob} (plate-reader assays).
 * {@link org.ihcblotquant.job.CommandLines} quotes the command recorded in provenance for a shell.
 */
package org.ihcblotquant.job;
