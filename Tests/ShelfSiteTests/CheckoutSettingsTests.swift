import Foundation
import ShelfConfig
import ShelfCore
import Testing

@Suite struct CheckoutSettingsTests {
    let base = """
        name = "Shop"
        base_url = "https://shop.example"
        currency = "EUR"

        """

    let checkout = """
        [checkout]
        countries = ["IE", "FR"]
        prices_include_tax = false
        reservation_minutes = 20

        [payments]
        provider = "stripe"
        stripe_api = "http://127.0.0.1:9999"

        [[shipping]]
        id = "standard"
        name = "Standard"
        countries = ["IE"]
        rate = "4.95"
        free_from = "75.00"
        delivery = "2–3 business days"

        [[shipping]]
        id = "europe"
        name = "Europe"
        countries = "*"
        rate = "9.00"

        [[tax]]
        name = "VAT"
        countries = ["IE"]
        rate = "23"

        [[codes]]
        code = "welcome10"
        percent = "10"
        minimum = "50.00"
        ends = "2026-12-31"

        [[codes]]
        code = "FIVER"
        amount = "5.00"

        """

    @Test func taxHasOneNameTheRulesShareOrTax() throws {
        #expect(try StoreConfig(toml: base + checkout).checkout.taxName == "VAT")
        #expect(try StoreConfig(toml: base).checkout.taxName == "Tax")
        let mixed = checkout + "[[tax]]\nname = \"GST\"\ncountries = [\"FR\"]\nrate = \"10\"\n"
        #expect(try StoreConfig(toml: base + mixed).checkout.taxName == "Tax")
    }

    @Test func readsReturnDaysAndFreeReturns() throws {
        let settings = try StoreConfig(
            toml: base
                + checkout.replacingOccurrences(
                    of: "reservation_minutes = 20", with: "reservation_minutes = 20\nreturn_days = 14\nfree_returns = true")
        ).checkout
        #expect(settings.returnDays == 14)
        #expect(settings.freeReturns)
        #expect(try StoreConfig(toml: base + checkout).checkout.returnDays == nil)
    }

    @Test func readsTheCheckoutSections() throws {
        let settings = try StoreConfig(toml: base + checkout).checkout
        #expect(settings.countries == ["IE", "FR"])
        #expect(settings.taxMode == .exclusive)
        #expect(settings.reservationMinutes == 20)
        #expect(settings.payments.provider == .stripe)
        #expect(settings.payments.stripeAPI == "http://127.0.0.1:9999")
        #expect(settings.shipping.map(\.id) == ["standard", "europe"])
        #expect(settings.shipping[0].freeFrom?.minorUnits == 7500)
        #expect(settings.shipping[1].countries == .rest)
        #expect(settings.taxes[0].rate.basisPoints == 2300)
        #expect(settings.codes.map(\.code) == ["WELCOME10", "FIVER"])
        #expect(settings.codes[0].endsOn == "2026-12-31")
    }

    @Test func withoutSectionsTheDefaultsHold() throws {
        let settings = try StoreConfig(toml: base).checkout
        #expect(settings.countries.isEmpty && settings.payments.provider == .test && settings.taxMode == .inclusive)
    }

    @Test(arguments: [
        ("countries = [\"IE\", \"FR\"]", "countries = [\"XX\"]", "not a country code"),
        ("provider = \"stripe\"", "provider = \"paypal\"", "provider must be"),
        ("rate = \"23\"", "rate = \"123\"", "percentage from 0 to 100"),
        ("rate = \"4.95\"", "rate = \"4.9.5\"", "must be an amount"),
        ("percent = \"10\"", "percent = \"10\"\namount = \"2.00\"", "exactly one of"),
        ("ends = \"2026-12-31\"", "ends = \"soon\"", "date like"),
        ("countries = \"*\"", "countries = [\"DE\"]", "no [[shipping]] method ships to FR"),
    ])
    func badSettingsSayWhereAndWhat(_ change: (String, String, String)) throws {
        expectConfigRefused(base + checkout.replacingOccurrences(of: change.0, with: change.1), saying: change.2)
    }
}
