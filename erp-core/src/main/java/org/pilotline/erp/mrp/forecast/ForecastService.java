package org.pilotline.erp.mrp.forecast;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.pilotline.platform.persistence.Lookups;
import org.pilotline.platform.paging.Page;
import org.pilotline.platform.paging.PageRequest;
import org.pilotline.platform.persistence.Versions;
import org.pilotline.erp.item.Item;
import org.pilotline.platform.tenancy.TenantContext;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Map;

import static org.pilotline.platform.quantity.Decimals.plain;

/** Forecasts: expected demand per item and week, consumed by sales orders in MRP. */
@ApplicationScoped
public class ForecastService {

    public record ForecastRequest(@Schema(description = "or itemCode") Long itemId,
                                  @NotNull LocalDate week,
                                  @NotNull @DecimalMin("0") @Digits(integer = 14, fraction = 6) BigDecimal quantity,
                                  Long version,
                                  @Size(max = 80) @Schema(description = "the item's code, instead of itemId") String itemCode) {
    }

    public record ForecastView(long id, long itemId, String itemCode, LocalDate week, BigDecimal quantity, String unit,
                               long version) {
        static ForecastView of(Forecast f) {
            return new ForecastView(f.id, f.item.id, f.item.code, f.week, plain(f.quantity), f.item.stockUnit.code,
                    f.version);
        }
    }

    @Inject
    TenantContext tenant;

    public Page<ForecastView> listForecasts(PageRequest page, Long itemId, LocalDate from, LocalDate to) {
        tenant.requireEnterprise();
        var filter = new Lookups.Filter()
                .and(itemId != null, "item.id = :item", "item", () -> itemId)
                .and(from != null, "week >= :from", "from", () -> from)
                .and(to != null, "week < :to", "to", () -> to);
        return Lookups.page(Forecast.find(filter.where(), page.toSort(Map.of("week", "week", "item", "item.code"), "id"),
                filter.parameters()), page, ForecastView::of);
    }

    public ForecastView getForecast(long id) {
        tenant.requireEnterprise();
        return ForecastView.of(Lookups.require(Forecast.class, "Forecast", id));
    }

    /** Creates or changes one forecast; the week is moved to its Monday. */
    @Transactional
    public ForecastView saveForecast(Long id, ForecastRequest r) {
        tenant.requireEnterprise();
        Forecast forecast;
        if (id == null) {
            forecast = new Forecast();
        } else {
            forecast = Lookups.require(Forecast.class, "Forecast", id);
            Versions.requireCurrent("Forecast", id, r.version(), forecast.version);
        }
        Item item = Lookups.reference(Item.class, "Item", r.itemId(), r.itemCode(), "itemId");
        LocalDate week = monday(r.week());
        Forecast same = Forecast.<Forecast>find("item = ?1 and week = ?2", item, week).firstResult();
        if (same != null && !same.id.equals(id)) {
            throw org.pilotline.platform.problem.DomainException.conflict("duplicate-forecast", "The week has a forecast",
                    "Item '" + item.code + "' already has a forecast for the week of " + week,
                    new org.pilotline.platform.problem.FieldError("week", "already has a forecast (id " + same.id + ")"));
        }
        forecast.item = item;
        forecast.week = week;
        forecast.quantity = r.quantity();
        forecast.persist();
        Forecast.flush();
        return ForecastView.of(forecast);
    }

    /** Sets the forecasts given (item and week), creating or replacing them, all or nothing. */
    @Transactional
    public List<ForecastView> replaceForecasts(List<ForecastRequest> requests) {
        tenant.requireEnterprise();
        List<Forecast> saved = new java.util.ArrayList<>();
        for (int i = 0; i < requests.size(); i++) {
            ForecastRequest r = requests.get(i);
            Item item = Lookups.reference(Item.class, "Item", r.itemId(), r.itemCode(), "[" + i + "].itemId");
            Forecast forecast = Forecast.<Forecast>find("item = ?1 and week = ?2", item, monday(r.week())).firstResult();
            if (forecast == null) {
                forecast = new Forecast();
                forecast.item = item;
                forecast.week = monday(r.week());
            }
            forecast.quantity = r.quantity();
            forecast.persist();
            Forecast.flush();
            saved.add(forecast);
        }
        return saved.stream().map(ForecastView::of).toList();
    }

    @Transactional
    public void deleteForecast(long id) {
        tenant.requireEnterprise();
        Lookups.require(Forecast.class, "Forecast", id).delete();
    }

    static LocalDate monday(LocalDate day) {
        return day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }
}
