package io.github.cameldune.dune.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * The account's usage ({@code POST /v1/usage}): the body after {@code dune:usage}. Free.
 *
 * @param billingPeriods    the billing periods asked for (the current one by default)
 * @param bytesAllowed      the storage the plan allows for uploaded tables, in bytes
 * @param bytesUsed         the storage used, in bytes
 * @param privateDashboards the private dashboards
 * @param privateQueries    the private queries
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Usage(
        @JsonProperty("billing_periods") List<BillingPeriod> billingPeriods,
        @JsonProperty("bytes_allowed") Long bytesAllowed,
        @JsonProperty("bytes_used") Long bytesUsed,
        @JsonProperty("private_dashboards") Long privateDashboards,
        @JsonProperty("private_queries") Long privateQueries)
        implements DuneModel {

    /**
     * One billing period.
     *
     * @param startDate       its first day
     * @param endDate         the day after its last (as Dune reports it)
     * @param creditsUsed     the credits used in it, fractional
     * @param creditsIncluded the credits the plan includes in it
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record BillingPeriod(
            @JsonProperty("start_date") LocalDate startDate,
            @JsonProperty("end_date") LocalDate endDate,
            @JsonProperty("credits_used") BigDecimal creditsUsed,
            @JsonProperty("credits_included") BigDecimal creditsIncluded) {}

    /** The billing periods, empty when Dune sent none. */
    @Override
    public List<BillingPeriod> billingPeriods() {
        return billingPeriods == null ? List.of() : billingPeriods;
    }
}
