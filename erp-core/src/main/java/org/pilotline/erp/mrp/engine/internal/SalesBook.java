package org.pilotline.erp.mrp.engine.internal;

import org.pilotline.erp.mrp.engine.InputProblem;
import org.pilotline.erp.mrp.engine.InvalidPlanningInputException;
import org.pilotline.erp.mrp.engine.input.SalesOrderLine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * The open sales order lines, per item in input order (CSR arrays). The only part of a model a net change
 * replaces: {@link #with} and {@link #without} copy primitive arrays and convert only the changed line. Demand
 * elements refer to a line by its position among its item's lines, which a change of another item's line leaves
 * as it is.
 */
public final class SalesBook {

    public final List<SalesOrderLine> lines;
    private final int[] lineItem;   // per input line; -1 when unknown, empty or after the horizon
    private final int[] lineDay;
    private final long[] lineQty;
    public final int[] start;
    public final int[] day;
    public final long[] qty;
    public final int[] input;

    private SalesBook(List<SalesOrderLine> lines, int[] lineItem, int[] lineDay, long[] lineQty, int itemCount) {
        this.lines = lines;
        this.lineItem = lineItem;
        this.lineDay = lineDay;
        this.lineQty = lineQty;
        start = new int[itemCount + 1];
        for (int i : lineItem) {
            if (i >= 0) {
                start[i + 1]++;
            }
        }
        StaticData.prefix(start);
        int count = start[itemCount];
        day = new int[count];
        qty = new long[count];
        input = new int[count];
        int[] fill = Arrays.copyOf(start, itemCount);
        for (int r = 0; r < lineItem.length; r++) {
            int i = lineItem[r];
            if (i >= 0) {
                int at = fill[i]++;
                day[at] = lineDay[r];
                qty[at] = lineQty[r];
                input[at] = r;
            }
        }
    }

    public static SalesBook compile(List<SalesOrderLine> lines, Structure s, List<InputProblem> problems) {
        int n = lines.size();
        int[] lineItem = new int[n];
        int[] lineDay = new int[n];
        long[] lineQty = new long[n];
        for (int r = 0; r < n; r++) {
            SalesOrderLine line = lines.get(r);
            lineItem[r] = itemOf(line, s, problems);
            lineDay[r] = s.calendar.dayOf(line.dueDate());
            lineQty[r] = Quantities.requirement(line.quantity());
        }
        return new SalesBook(List.copyOf(lines), lineItem, lineDay, lineQty, s.itemCount);
    }

    private static int itemOf(SalesOrderLine line, Structure s, List<InputProblem> problems) {
        int i = StaticData.item(s, line.itemCode(), "sales order line " + line.reference(), problems);
        return i >= 0 && s.calendar.dayOf(line.dueDate()) < s.calendar.end && line.quantity().signum() > 0 ? i : -1;
    }

    public int indexOf(String reference) {
        for (int r = 0; r < lines.size(); r++) {
            if (lines.get(r).reference().equals(reference)) {
                return r;
            }
        }
        return -1;
    }

    /** The item whose demand the line of this reference is, or -1 (no such line, or it plans nothing). */
    public int plannedItemOf(String reference) {
        int r = indexOf(reference);
        return r < 0 ? -1 : lineItem[r];
    }

    /** This book with the line of the same reference replaced, or the line added at the end. */
    public SalesBook with(SalesOrderLine line, Structure s) {
        List<InputProblem> problems = new ArrayList<>();
        int item = itemOf(line, s, problems);
        if (!problems.isEmpty()) {
            throw new InvalidPlanningInputException(problems);
        }
        int at = indexOf(line.reference());
        List<SalesOrderLine> newLines = new ArrayList<>(lines);
        int size = at >= 0 ? lines.size() : lines.size() + 1;
        int[] items = Arrays.copyOf(lineItem, size);
        int[] days = Arrays.copyOf(lineDay, size);
        long[] qtys = Arrays.copyOf(lineQty, size);
        if (at >= 0) {
            newLines.set(at, line);
        } else {
            newLines.add(line);
            at = size - 1;
        }
        items[at] = item;
        days[at] = s.calendar.dayOf(line.dueDate());
        qtys[at] = Quantities.requirement(line.quantity());
        return new SalesBook(Collections.unmodifiableList(newLines), items, days, qtys, s.itemCount);
    }

    /** This book without the line of this reference. */
    public SalesBook without(String reference, Structure s) {
        int at = indexOf(reference);
        if (at < 0) {
            return this;
        }
        List<SalesOrderLine> newLines = new ArrayList<>(lines);
        newLines.remove(at);
        return new SalesBook(Collections.unmodifiableList(newLines), remove(lineItem, at), remove(lineDay, at),
                remove(lineQty, at), s.itemCount);
    }

    private static int[] remove(int[] a, int at) {
        int[] b = new int[a.length - 1];
        System.arraycopy(a, 0, b, 0, at);
        System.arraycopy(a, at + 1, b, at, a.length - at - 1);
        return b;
    }

    private static long[] remove(long[] a, int at) {
        long[] b = new long[a.length - 1];
        System.arraycopy(a, 0, b, 0, at);
        System.arraycopy(a, at + 1, b, at, a.length - at - 1);
        return b;
    }
}
