package org.pilotline.erp.mrp.engine.model;

import org.pilotline.erp.mrp.engine.input.SalesOrderLine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * The open sales order lines, per item in input order (CSR arrays: the lines of item {@code i} are
 * {@code [start[i], start[i + 1])}). The only part of a model a net change replaces: {@link #with} and
 * {@link #without} copy primitive arrays and convert only the changed line. Demand elements refer to a line by its
 * position among its item's lines, which a change of another item's line leaves as it is.
 */
public final class SalesBook {

    public final List<SalesOrderLine> lines;
    private final int[] itemOfLine;      // per input line; -1 when unknown, empty or after the horizon
    private final int[] dayOfLine;
    private final long[] quantityOfLine;
    public final int[] start;
    public final int[] day;
    public final long[] quantity;
    /** The position in {@link #lines}. */
    public final int[] input;

    private SalesBook(List<SalesOrderLine> lines, int[] itemOfLine, int[] dayOfLine, long[] quantityOfLine,
                      int itemCount) {
        this.lines = lines;
        this.itemOfLine = itemOfLine;
        this.dayOfLine = dayOfLine;
        this.quantityOfLine = quantityOfLine;
        start = new int[itemCount + 1];
        for (int item : itemOfLine) {
            if (item >= 0) {
                start[item + 1]++;
            }
        }
        CsrArrays.prefixSums(start);
        int count = start[itemCount];
        day = new int[count];
        quantity = new long[count];
        input = new int[count];
        int[] next = Arrays.copyOf(start, itemCount);
        for (int line = 0; line < itemOfLine.length; line++) {
            int item = itemOfLine[line];
            if (item >= 0) {
                int at = next[item]++;
                day[at] = dayOfLine[line];
                quantity[at] = quantityOfLine[line];
                input[at] = line;
            }
        }
    }

    public static SalesBook compile(List<SalesOrderLine> lines, Structure structure, List<InputProblem> problems) {
        int count = lines.size();
        int[] itemOfLine = new int[count];
        int[] dayOfLine = new int[count];
        long[] quantityOfLine = new long[count];
        for (int index = 0; index < count; index++) {
            SalesOrderLine line = lines.get(index);
            itemOfLine[index] = plannedItemOf(line, structure, problems);
            dayOfLine[index] = structure.calendar.dayOf(line.dueDate());
            quantityOfLine[index] = Quantities.requirement(line.quantity());
        }
        return new SalesBook(List.copyOf(lines), itemOfLine, dayOfLine, quantityOfLine, structure.itemCount);
    }

    /** The item whose demand the line is, or -1 when it plans nothing (unknown item, empty, after the horizon). */
    private static int plannedItemOf(SalesOrderLine line, Structure structure, List<InputProblem> problems) {
        int item = StaticSupplyAndDemand.item(structure, line.itemCode(), "sales order line " + line.reference(),
                problems);
        return item >= 0 && structure.calendar.dayOf(line.dueDate()) < structure.calendar.end
                && line.quantity().signum() > 0 ? item : -1;
    }

    public int indexOf(String reference) {
        for (int index = 0; index < lines.size(); index++) {
            if (lines.get(index).reference().equals(reference)) {
                return index;
            }
        }
        return -1;
    }

    /** The item whose demand the line of this reference is, or -1 (no such line, or it plans nothing). */
    public int plannedItemOf(String reference) {
        int index = indexOf(reference);
        return index < 0 ? -1 : itemOfLine[index];
    }

    /** This book with the line of the same reference replaced, or the line added at the end. */
    public SalesBook with(SalesOrderLine line, Structure structure) {
        List<InputProblem> problems = new ArrayList<>();
        int item = plannedItemOf(line, structure, problems);
        if (!problems.isEmpty()) {
            throw new InvalidPlanningInputException(problems);
        }
        int at = indexOf(line.reference());
        List<SalesOrderLine> newLines = new ArrayList<>(lines);
        int size = at >= 0 ? lines.size() : lines.size() + 1;
        int[] items = Arrays.copyOf(itemOfLine, size);
        int[] days = Arrays.copyOf(dayOfLine, size);
        long[] quantities = Arrays.copyOf(quantityOfLine, size);
        if (at >= 0) {
            newLines.set(at, line);
        } else {
            newLines.add(line);
            at = size - 1;
        }
        items[at] = item;
        days[at] = structure.calendar.dayOf(line.dueDate());
        quantities[at] = Quantities.requirement(line.quantity());
        return new SalesBook(Collections.unmodifiableList(newLines), items, days, quantities, structure.itemCount);
    }

    /** This book without the line of this reference. */
    public SalesBook without(String reference, Structure structure) {
        int at = indexOf(reference);
        if (at < 0) {
            return this;
        }
        List<SalesOrderLine> newLines = new ArrayList<>(lines);
        newLines.remove(at);
        return new SalesBook(Collections.unmodifiableList(newLines), remove(itemOfLine, at), remove(dayOfLine, at),
                remove(quantityOfLine, at), structure.itemCount);
    }

    private static int[] remove(int[] values, int at) {
        int[] shorter = new int[values.length - 1];
        System.arraycopy(values, 0, shorter, 0, at);
        System.arraycopy(values, at + 1, shorter, at, values.length - at - 1);
        return shorter;
    }

    private static long[] remove(long[] values, int at) {
        long[] shorter = new long[values.length - 1];
        System.arraycopy(values, 0, shorter, 0, at);
        System.arraycopy(values, at + 1, shorter, at, values.length - at - 1);
        return shorter;
    }
}
