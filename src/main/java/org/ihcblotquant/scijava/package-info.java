/**
 * SciJava commands: the use cases of {@link org.ihcblotquant.job} with typed inputs and outputs,
 * for Fiji scripts ({@code #@} parameters), PyImageJ ({@code ij.command().run(...)}) and KNIME.
 *
 * <p>Pattern (add a command the same way):
 * <ol>
 * <li>{@code @Plugin(type = Command.class, headless = true, menuPath = MENU + "Label (script)")}: the
 * ImageJ 1 command of the same use case keeps the plain label and the macro recorder; the SciJava
 * label ends in {@code (script)} so no two Fiji menu items share a label ({@link Commands#MENU}).</li>
 * <li>{@code @Parameter} inputs named like the ImageJ 1 command's macro keys ({@code thresholds},
 * {@code tissue}, {@code cv_limit}...), all with {@code persist = false} (a script that leaves a
 * parameter out gets its default, never the value of an earlier run), optional ones with
 * {@code required = false}; images as
 * {@code ij.ImagePlus} (Fiji fills in the active image), files as {@code java.io.File}.</li>
 * <li>{@code run()} builds the job's request, runs the job, and copies the outcome into
 * {@code @Parameter(type = ItemIO.OUTPUT)} fields: tables as {@code ij.measure.ResultsTable}
 * ({@link Commands#table}), warnings as one {@code String}, images as {@code ImagePlus}.</li>
 * <li>Errors: catch {@code RuntimeException} around the job and rethrow
 * {@link Commands#failure}, which renders a {@link org.ihcblotquant.job.FieldException} with the
 * parameter name through a {@link org.ihcblotquant.job.FieldSpelling} built from the command's
 * name overrides ({@link Commands#spelling}). Never print, never open a dialog.</li>
 * <li>Test headless with scijava-common alone: {@code new Context(CommandService.class)},
 * {@code commandService.run(MyCommand.class, true, inputs).get()}, outputs by name.</li>
 * </ol>
 *
 * <p>Tables are ImageJ 1 {@code ResultsTable}s, not {@code org.scijava.table.Table}: the
 * scijava-table artifact is not published on Maven Central, the only repository the build uses;
 * ResultsTable ships with every ImageJ and Fiji converts it for scripts and PyImageJ.
 */
package org.ihcblotquant.scijava;
