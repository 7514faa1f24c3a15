package org.pilotline.erp.mrp.store;

import org.pilotline.erp.mrp.engine.input.BomLine;
import org.pilotline.erp.mrp.engine.input.BomVersion;
import org.pilotline.erp.mrp.engine.input.ComponentReservation;
import org.pilotline.erp.mrp.engine.input.FirmedPlannedOrder;
import org.pilotline.erp.mrp.engine.input.Forecast;
import org.pilotline.erp.mrp.engine.input.Item;
import org.pilotline.erp.mrp.engine.input.LotSizing;
import org.pilotline.erp.mrp.engine.input.OutputKind;
import org.pilotline.erp.mrp.engine.input.PlanningHorizon;
import org.pilotline.erp.mrp.engine.input.PlanningInput;
import org.pilotline.erp.mrp.engine.input.Procurement;
import org.pilotline.erp.mrp.engine.input.ReceiptKind;
import org.pilotline.erp.mrp.engine.input.Recipe;
import org.pilotline.erp.mrp.engine.input.RecipeIngredient;
import org.pilotline.erp.mrp.engine.input.RecipeOutput;
import org.pilotline.erp.mrp.engine.input.SalesOrderLine;
import org.pilotline.erp.mrp.engine.input.ScheduledReceipt;
import org.pilotline.erp.mrp.engine.input.StockOnHand;
import org.pilotline.erp.mrp.engine.input.WorkingCalendar;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.InflaterInputStream;

/**
 * A run's exact input as compact bytes (deflated), stored with the run: the engine is deterministic, so any replica
 * can re-create the run's plan, pegs included, from it without storing 9 million pegs row by row.
 */
public final class InputCodec {

    private static final int FORMAT = 1;
    private static final int NO_DATE = Integer.MIN_VALUE;

    private InputCodec() {
    }

    public static byte[] encode(PlanningInput in) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(1 << 20);
        Deflater deflater = new Deflater(Deflater.BEST_SPEED);
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(
                new DeflaterOutputStream(bytes, deflater, 1 << 16), 1 << 16))) {
            out.writeInt(FORMAT);
            date(out, in.horizon().start());
            out.writeInt(in.horizon().weeks());
            out.writeByte(in.horizon().weekStart().getValue());
            out.writeByte(in.calendar().workingWeekdays().size());
            for (DayOfWeek d : in.calendar().workingWeekdays()) {
                out.writeByte(d.getValue());
            }
            out.writeInt(in.calendar().holidays().size());
            for (LocalDate d : in.calendar().holidays()) {
                date(out, d);
            }
            out.writeInt(in.items().size());
            for (Item i : in.items()) {
                out.writeUTF(i.code());
                out.writeBoolean(i.procurement() == Procurement.MAKE);
                out.writeInt(i.leadTimeDays());
                lotSizing(out, i.lotSizing());
                decimal(out, i.safetyStock());
                out.writeBoolean(i.phantom());
                out.writeByte(i.decimals());
            }
            out.writeInt(in.bomVersions().size());
            for (BomVersion v : in.bomVersions()) {
                out.writeUTF(v.itemCode());
                out.writeUTF(v.version());
                date(out, v.validFrom());
                date(out, v.validTo());
                decimal(out, v.baseQuantity());
                text(out, v.routing());
                out.writeInt(v.lines().size());
                for (BomLine l : v.lines()) {
                    out.writeUTF(l.componentCode());
                    decimal(out, l.quantityPer());
                    decimal(out, l.scrapFactor());
                    out.writeBoolean(l.phantom());
                }
            }
            out.writeInt(in.recipes().size());
            for (Recipe r : in.recipes()) {
                out.writeUTF(r.itemCode());
                out.writeUTF(r.recipeCode());
                date(out, r.validFrom());
                date(out, r.validTo());
                text(out, r.routing());
                decimal(out, r.batchSize());
                decimal(out, r.expectedYield());
                out.writeInt(r.ingredients().size());
                for (RecipeIngredient g : r.ingredients()) {
                    out.writeUTF(g.itemCode());
                    decimal(out, g.quantityPerBatch());
                }
                out.writeInt(r.outputs().size());
                for (RecipeOutput o : r.outputs()) {
                    out.writeUTF(o.itemCode());
                    decimal(out, o.quantityPerBatch());
                    out.writeBoolean(o.kind() == OutputKind.CO_PRODUCT);
                }
            }
            out.writeInt(in.salesOrderLines().size());
            for (SalesOrderLine l : in.salesOrderLines()) {
                out.writeUTF(l.reference());
                out.writeUTF(l.itemCode());
                date(out, l.dueDate());
                decimal(out, l.quantity());
            }
            out.writeInt(in.forecasts().size());
            for (Forecast f : in.forecasts()) {
                out.writeUTF(f.itemCode());
                date(out, f.week());
                decimal(out, f.quantity());
            }
            out.writeInt(in.reservations().size());
            for (ComponentReservation r : in.reservations()) {
                out.writeUTF(r.productionOrder());
                out.writeUTF(r.itemCode());
                date(out, r.requiredDate());
                decimal(out, r.quantity());
            }
            out.writeInt(in.stock().size());
            for (StockOnHand s : in.stock()) {
                out.writeUTF(s.itemCode());
                decimal(out, s.quantity());
            }
            out.writeInt(in.scheduledReceipts().size());
            for (ScheduledReceipt r : in.scheduledReceipts()) {
                out.writeBoolean(r.kind() == ReceiptKind.PURCHASE_ORDER);
                out.writeUTF(r.reference());
                out.writeUTF(r.itemCode());
                date(out, r.dueDate());
                decimal(out, r.quantity());
            }
            out.writeInt(in.firmedPlannedOrders().size());
            for (FirmedPlannedOrder f : in.firmedPlannedOrders()) {
                out.writeUTF(f.reference());
                out.writeUTF(f.itemCode());
                decimal(out, f.quantity());
                date(out, f.releaseDate());
                date(out, f.dueDate());
                text(out, f.formulaCode());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            deflater.end();
        }
        return bytes.toByteArray();
    }

    public static PlanningInput decode(byte[] data) {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(
                new InflaterInputStream(new ByteArrayInputStream(data), new java.util.zip.Inflater(), 1 << 16), 1 << 16))) {
            if (in.readInt() != FORMAT) {
                throw new IllegalStateException("unknown MRP input format");
            }
            LocalDate start = date(in);
            int weeks = in.readInt();
            DayOfWeek weekStart = DayOfWeek.of(in.readByte());
            Set<DayOfWeek> weekdays = EnumSet.noneOf(DayOfWeek.class);
            for (int n = in.readByte(), i = 0; i < n; i++) {
                weekdays.add(DayOfWeek.of(in.readByte()));
            }
            Set<LocalDate> holidays = new HashSet<>();
            for (int n = in.readInt(), i = 0; i < n; i++) {
                holidays.add(date(in));
            }
            PlanningInput.Builder b = PlanningInput.builder(new PlanningHorizon(start, weeks, weekStart),
                    new WorkingCalendar(weekdays, holidays));
            for (int n = in.readInt(), i = 0; i < n; i++) {
                b.item(new Item(in.readUTF(), in.readBoolean() ? Procurement.MAKE : Procurement.BUY, in.readInt(),
                        lotSizing(in), decimal(in), in.readBoolean(), in.readByte()));
            }
            for (int n = in.readInt(), i = 0; i < n; i++) {
                String item = in.readUTF();
                String version = in.readUTF();
                LocalDate from = date(in);
                LocalDate to = date(in);
                BigDecimal base = decimal(in);
                String routing = text(in);
                int count = in.readInt();
                List<BomLine> lines = new ArrayList<>(count);
                for (int l = 0; l < count; l++) {
                    lines.add(new BomLine(in.readUTF(), decimal(in), decimal(in), in.readBoolean()));
                }
                b.bom(new BomVersion(item, version, from, to, base, routing, lines));
            }
            for (int n = in.readInt(), i = 0; i < n; i++) {
                String item = in.readUTF();
                String code = in.readUTF();
                LocalDate from = date(in);
                LocalDate to = date(in);
                String routing = text(in);
                BigDecimal batch = decimal(in);
                BigDecimal yield = decimal(in);
                List<RecipeIngredient> ingredients = new ArrayList<>();
                for (int c = in.readInt(), l = 0; l < c; l++) {
                    ingredients.add(new RecipeIngredient(in.readUTF(), decimal(in)));
                }
                List<RecipeOutput> outputs = new ArrayList<>();
                for (int c = in.readInt(), l = 0; l < c; l++) {
                    outputs.add(new RecipeOutput(in.readUTF(), decimal(in),
                            in.readBoolean() ? OutputKind.CO_PRODUCT : OutputKind.BY_PRODUCT));
                }
                b.recipe(new Recipe(item, code, from, to, routing, batch, yield, ingredients, outputs));
            }
            for (int n = in.readInt(), i = 0; i < n; i++) {
                b.salesOrder(new SalesOrderLine(in.readUTF(), in.readUTF(), date(in), decimal(in)));
            }
            for (int n = in.readInt(), i = 0; i < n; i++) {
                b.forecast(new Forecast(in.readUTF(), date(in), decimal(in)));
            }
            for (int n = in.readInt(), i = 0; i < n; i++) {
                b.reservation(new ComponentReservation(in.readUTF(), in.readUTF(), date(in), decimal(in)));
            }
            for (int n = in.readInt(), i = 0; i < n; i++) {
                b.stock(new StockOnHand(in.readUTF(), decimal(in)));
            }
            for (int n = in.readInt(), i = 0; i < n; i++) {
                b.receipt(new ScheduledReceipt(in.readBoolean() ? ReceiptKind.PURCHASE_ORDER : ReceiptKind.PRODUCTION_ORDER,
                        in.readUTF(), in.readUTF(), date(in), decimal(in)));
            }
            for (int n = in.readInt(), i = 0; i < n; i++) {
                b.firmedPlannedOrder(new FirmedPlannedOrder(in.readUTF(), in.readUTF(), decimal(in), date(in), date(in),
                        text(in)));
            }
            return b.build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void lotSizing(DataOutputStream out, LotSizing policy) throws IOException {
        if (policy instanceof LotSizing.FixedQuantity f) {
            out.writeByte(1);
            decimal(out, f.quantity());
        } else if (policy instanceof LotSizing.MinMaxMultiple m) {
            out.writeByte(2);
            decimal(out, m.minimum());
            decimal(out, m.maximum());
            decimal(out, m.multiple());
        } else if (policy instanceof LotSizing.PeriodsOfSupply p) {
            out.writeByte(3);
            out.writeInt(p.periods());
        } else {
            out.writeByte(0);
        }
    }

    private static LotSizing lotSizing(DataInputStream in) throws IOException {
        return switch (in.readByte()) {
            case 1 -> new LotSizing.FixedQuantity(decimal(in));
            case 2 -> new LotSizing.MinMaxMultiple(decimal(in), decimal(in), decimal(in));
            case 3 -> new LotSizing.PeriodsOfSupply(in.readInt());
            default -> LotSizing.lotForLot();
        };
    }

    private static void decimal(DataOutputStream out, BigDecimal value) throws IOException {
        BigInteger unscaled = value.unscaledValue();
        if (unscaled.bitLength() < 63) {
            out.writeByte(value.scale());
            out.writeLong(unscaled.longValue());
        } else {
            out.writeByte(-128);
            out.writeUTF(value.toString());
        }
    }

    private static BigDecimal decimal(DataInputStream in) throws IOException {
        int scale = in.readByte();
        if (scale == -128) {
            return new BigDecimal(in.readUTF());
        }
        return BigDecimal.valueOf(in.readLong(), scale);
    }

    private static void date(DataOutputStream out, LocalDate date) throws IOException {
        out.writeInt(date == null ? NO_DATE : (int) date.toEpochDay());
    }

    private static LocalDate date(DataInputStream in) throws IOException {
        int day = in.readInt();
        return day == NO_DATE ? null : LocalDate.ofEpochDay(day);
    }

    private static void text(DataOutputStream out, String value) throws IOException {
        out.writeBoolean(value != null);
        if (value != null) {
            out.writeUTF(value);
        }
    }

    private static String text(DataInputStream in) throws IOException {
        return in.readBoolean() ? in.readUTF() : null;
    }
}
