/// Stable diagnostic codes. A code never changes meaning once shipped: CI filters,
/// SARIF rules and people's muscle memory depend on it. New checks get new codes.
public enum DiagnosticCode: String, Sendable, CaseIterable, Codable, Comparable {
    // RC01xx: the file itself and YAML syntax.
    case syntaxError = "RC0101"
    case emptyFile = "RC0102"
    case byteOrderMark = "RC0103"
    case tabIndentation = "RC0104"
    case invalidUTF8 = "RC0105"
    case binaryFile = "RC0106"
    case anchorOrAlias = "RC0107"
    case multipleDocuments = "RC0108"
    case unreadableFile = "RC0109"
    case explicitTag = "RC0110"
    case linkLeavesDirectory = "RC0111"
    case utf16File = "RC0112"
    case controlCharacter = "RC0113"

    // RC02xx: structure and scalar typing.
    case duplicateKey = "RC0201"
    case unknownKey = "RC0202"
    case wrongType = "RC0203"
    case missingField = "RC0204"
    case yaml11Boolean = "RC0205"
    case leadingZero = "RC0206"
    case sexagesimalNumber = "RC0207"
    case invalidNumber = "RC0208"
    case nullValue = "RC0209"
    case emptyString = "RC0210"
    case invalidIdentifier = "RC0211"

    // RC03xx: values (codes, dates, money, calendars).
    case unknownRegionCode = "RC0301"
    case regionFileMismatch = "RC0302"
    case duplicateRegion = "RC0303"
    case badFileName = "RC0304"
    case unknownCurrency = "RC0305"
    case unknownTimeZone = "RC0306"
    case invalidDate = "RC0307"
    case invalidTime = "RC0308"
    case invalidInstant = "RC0309"
    case invalidSchedule = "RC0310"
    case invalidMoney = "RC0311"
    case tooManyDecimals = "RC0312"
    case moneyOverflow = "RC0313"
    case amountCurrencyMismatch = "RC0314"
    case unknownWeekday = "RC0315"
    case unknownStatus = "RC0316"
    case negativeMoney = "RC0317"
    case duplicateListItem = "RC0318"
    case noBusinessDays = "RC0319"
    case invalidDuration = "RC0320"

    // RC04xx: references, currencies and limits.
    case unknownPaymentMethod = "RC0401"
    case unknownAcquirer = "RC0402"
    case methodCurrencyNotPresented = "RC0404"
    case duplicateMethod = "RC0405"
    case limitCurrencyNotPresented = "RC0407"
    case duplicateLimitCurrency = "RC0408"
    case minNotBelowMax = "RC0409"
    case methodLimitWidens = "RC0410"
    case emptyRange = "RC0411"
    case payoutNotInSettlementCurrency = "RC0412"

    // RC05xx: availability and rollout.
    case fromNotBeforeUntil = "RC0501"
    case blackoutFromNotBeforeUntil = "RC0502"
    case blackoutsOverlap = "RC0503"
    case blackoutTooLong = "RC0504"
    case percentOutOfRange = "RC0505"
    case rolloutWithoutPilot = "RC0506"
    case allowDenyOverlap = "RC0507"
    case methodAvailabilityWidens = "RC0508"
    case instantOutOfRange = "RC0509"
    case stepOutOfOrder = "RC0510"
    case stepOutsideWindow = "RC0511"
    case stepInChangeFreeze = "RC0512"

    // RC06xx: routes.
    case shadowedRoute = "RC0601"
    case uncoveredPair = "RC0602"
    case acquirerCannotSettle = "RC0603"
    case duplicateRouteName = "RC0604"
    case routeMethodNotOffered = "RC0605"
    case routeCurrencyNotPresented = "RC0606"

    // RC07xx: the regions directory as a whole.
    case missingCatalog = "RC0701"
    case noRegions = "RC0702"
    case duplicateCatalogId = "RC0703"
    case misnamedInput = "RC0704"
    case duplicateInput = "RC0705"

    // RC08xx: warnings; they never change the exit code.
    case currencyNotOffered = "RC0801"
    case currencyWithoutLimit = "RC0802"
    case blackoutOutsideWindow = "RC0803"
    case pilotReachesNobody = "RC0804"
    case schemaLine = "RC0805"
    case ignoredInput = "RC0806"
    case stepOnNonBusinessDay = "RC0807"
    case stepOutsideBusinessHours = "RC0808"
    case stepPastCalendarHorizon = "RC0809"
    case pilotPercentLowered = "RC0810"
    case pilotMethodInLiveRegion = "RC0811"

    // RC09xx: banking calendars (calendars/*.yaml, settlement.calendars, the horizon).
    case calendarMarketMismatch = "RC0901"
    case calendarDateOutsideYear = "RC0902"
    case calendarDuplicateDate = "RC0903"
    case calendarHorizonOutsideYears = "RC0904"
    case calendarYearsNotContiguous = "RC0905"
    case calendarInvalidYear = "RC0906"
    case unknownCalendar = "RC0907"
    case calendarMissingYear = "RC0908"
    case calendarHorizonPassed = "RC0909"
    case duplicateCalendar = "RC0910"
    case unsourcedCalendar = "RC0951"
    case calendarHorizonSoon = "RC0952"
    case calendarHorizonInsideWindow = "RC0953"
    case estimatedDateSoon = "RC0954"
    case calendarNotFollowed = "RC0955"

    // RC10xx: real-world facts (wallet caps, cash practice). RC1003 is a warning.
    case aboveWalletCap = "RC1001"
    case belowWalletMinimum = "RC1002"
    case finerThanCash = "RC1003"

    // RC11xx: failover (fallbacks, acquirer health). RC115x are warnings.
    case fallbackRepeatsAcquirer = "RC1101"
    case tooManyRouteAcquirers = "RC1102"
    case healthPolicyOutOfRange = "RC1103"
    case singleUsableAcquirer = "RC1151"
    case noEnabledAcquirer = "RC1152"

    /// The severity a code is reported with. Warnings never change the exit code. Every code is
    /// listed, so a new one must choose (as swift-syntax's messages carry their own severity).
    package var defaultSeverity: Severity {
        switch self {
        case .currencyNotOffered, .currencyWithoutLimit, .blackoutOutsideWindow, .pilotReachesNobody, .schemaLine,
             .finerThanCash, .unsourcedCalendar, .calendarHorizonSoon, .calendarHorizonInsideWindow, .estimatedDateSoon,
             .calendarNotFollowed, .singleUsableAcquirer, .noEnabledAcquirer, .stepOnNonBusinessDay,
             .stepOutsideBusinessHours, .stepPastCalendarHorizon, .pilotPercentLowered, .pilotMethodInLiveRegion:
            .warning
        case .ignoredInput: .warning
        case .linkLeavesDirectory, .misnamedInput, .duplicateInput, .utf16File, .controlCharacter: .error
        case .syntaxError, .emptyFile, .byteOrderMark, .tabIndentation, .invalidUTF8, .binaryFile, .anchorOrAlias,
             .multipleDocuments, .unreadableFile, .explicitTag, .duplicateKey, .unknownKey, .wrongType,
             .missingField, .yaml11Boolean, .leadingZero, .sexagesimalNumber, .invalidNumber, .nullValue,
             .emptyString, .invalidIdentifier, .unknownRegionCode, .regionFileMismatch, .duplicateRegion,
             .badFileName, .unknownCurrency, .unknownTimeZone, .invalidDate, .invalidTime, .invalidInstant,
             .invalidSchedule, .invalidMoney, .tooManyDecimals, .moneyOverflow, .amountCurrencyMismatch, .unknownWeekday,
             .unknownStatus, .negativeMoney, .duplicateListItem, .noBusinessDays, .unknownPaymentMethod,
             .unknownAcquirer, .methodCurrencyNotPresented, .duplicateMethod, .limitCurrencyNotPresented,
             .duplicateLimitCurrency, .minNotBelowMax, .methodLimitWidens, .emptyRange, .payoutNotInSettlementCurrency,
             .fromNotBeforeUntil, .blackoutFromNotBeforeUntil, .blackoutsOverlap, .blackoutTooLong,
             .percentOutOfRange, .rolloutWithoutPilot, .allowDenyOverlap, .methodAvailabilityWidens,
             .instantOutOfRange, .shadowedRoute, .uncoveredPair, .acquirerCannotSettle, .duplicateRouteName,
             .routeMethodNotOffered, .routeCurrencyNotPresented, .missingCatalog, .noRegions, .duplicateCatalogId,
             .aboveWalletCap, .belowWalletMinimum, .calendarMarketMismatch, .calendarDateOutsideYear,
             .calendarDuplicateDate, .calendarHorizonOutsideYears, .calendarYearsNotContiguous, .calendarInvalidYear,
             .unknownCalendar, .calendarMissingYear, .calendarHorizonPassed, .duplicateCalendar, .invalidDuration,
             .fallbackRepeatsAcquirer, .tooManyRouteAcquirers, .healthPolicyOutOfRange, .stepOutOfOrder,
             .stepOutsideWindow, .stepInChangeFreeze:
            .error
        }
    }

    public static func < (lhs: DiagnosticCode, rhs: DiagnosticCode) -> Bool {
        lhs.rawValue < rhs.rawValue
    }

    /// One line describing the rule, for `--explain`-style docs and SARIF rule entries.
    public var summary: String {
        switch self {
        case .syntaxError: "The file is not valid YAML."
        case .emptyFile: "The file is empty or holds only comments."
        case .byteOrderMark: "The file starts with a UTF-8 byte-order mark."
        case .tabIndentation: "A tab character is used for indentation."
        case .invalidUTF8: "The file is not valid UTF-8."
        case .binaryFile: "The file holds NUL bytes: it is binary, not YAML."
        case .anchorOrAlias: "YAML anchors and aliases are not allowed in descriptors."
        case .multipleDocuments: "A descriptor file holds exactly one YAML document."
        case .unreadableFile: "The file could not be read."
        case .explicitTag: "Explicit YAML tags are not allowed; the schema types every value."
        case .linkLeavesDirectory: "A symbolic link whose target is outside the input directory; it is not read."
        case .utf16File: "The file is UTF-16 (or UTF-32); descriptors are UTF-8."
        case .controlCharacter: "A control character YAML does not allow, at its position."
        case .duplicateKey: "A key appears twice in the same mapping."
        case .unknownKey: "A key the format does not define."
        case .wrongType: "A value has the wrong shape (mapping, list or scalar)."
        case .missingField: "A required field is missing."
        case .yaml11Boolean: "A YAML 1.1 boolean word (yes/no/on/off) where true or false is expected."
        case .leadingZero: "A number written with a leading zero."
        case .sexagesimalNumber: "A colon-separated (sexagesimal) value where a number is expected."
        case .invalidNumber: "A value that is not a whole number where one is expected."
        case .nullValue: "A null or empty value where a value is required."
        case .emptyString: "An empty string where text is required."
        case .invalidIdentifier: "An id that does not follow its naming rule (methods UPPER_SNAKE, acquirers lower-kebab)."
        case .unknownRegionCode: "Not an ISO 3166-1 alpha-2 region code."
        case .regionFileMismatch: "The region code does not match the file name."
        case .duplicateRegion: "Two files describe the same region."
        case .badFileName: "A region file name is not a lower-case region code."
        case .unknownCurrency: "Not an active ISO 4217 currency code."
        case .unknownTimeZone: "Not an IANA time zone identifier."
        case .invalidDate: "Not a real calendar date in YYYY-MM-DD form."
        case .invalidTime: "Not a local time in HH:MM form."
        case .invalidInstant: "Not an RFC 3339 instant with a UTC offset."
        case .invalidSchedule: "Not a settlement schedule T+0 .. T+10."
        case .invalidMoney: "Not money in the form \"<decimal> <ISO 4217 code>\"."
        case .tooManyDecimals: "More decimals than the currency's ISO 4217 minor units."
        case .moneyOverflow: "An amount that does not fit in 64-bit minor units."
        case .amountCurrencyMismatch: "An amount in another currency than its range or wallet cap requires."
        case .unknownWeekday: "Not a weekday (mon, tue, wed, thu, fri, sat, sun)."
        case .unknownStatus: "Not an availability status (planned, pilot, live, paused, retired)."
        case .negativeMoney: "A negative amount."
        case .duplicateListItem: "A list holds the same item twice."
        case .invalidDuration: "Not a duration `<integer>s|m|h` (`30s`, `5m`, `1h`)."
        case .noBusinessDays: "The weekend covers all seven days, or the weekends of the calendars a region's payouts follow do together: nothing could ever settle."
        case .unknownPaymentMethod: "A payment method id not declared in catalog.yaml."
        case .unknownAcquirer: "An acquirer id (a route's `acquirer` or one of its `fallback`) not declared in catalog.yaml."
        case .methodCurrencyNotPresented: "A method currency that is not a presentment currency of the region."
        case .duplicateMethod: "A payment method listed twice in a region."
        case .limitCurrencyNotPresented: "A limit in a currency that is not a presentment currency."
        case .duplicateLimitCurrency: "More than one limit range for the same currency."
        case .minNotBelowMax: "A range whose min is not below its max."
        case .methodLimitWidens: "A method limit wider than the region's limit."
        case .emptyRange: "A range with neither min nor max."
        case .payoutNotInSettlementCurrency: "A minimum payout not in the region's settlement currency."
        case .fromNotBeforeUntil: "Availability `from` is not before `until`."
        case .blackoutFromNotBeforeUntil: "A blackout's `from` is not before its `until`."
        case .blackoutsOverlap: "Two blackouts overlap."
        case .blackoutTooLong: "A blackout longer than 14 days; use status: paused instead."
        case .percentOutOfRange: "Rollout percent outside 0..100."
        case .rolloutWithoutPilot: "A rollout percent or allow list on a status other than pilot (deny applies to any status)."
        case .allowDenyOverlap: "A merchant both allowed and denied."
        case .methodAvailabilityWidens: "A method's availability wider than its region's."
        case .instantOutOfRange: "An instant outside the years 2000 to 2199."
        case .stepOutOfOrder: "A scheduled step (`availability.schedule`) not strictly after the step before it, or not after `from`."
        case .stepOutsideWindow: "A scheduled step at or after the availability window's `until`: it would never take effect."
        case .stepInChangeFreeze: "A scheduled step that takes effect inside a change freeze (`change_freezes`)."
        case .shadowedRoute: "A route no payment can reach: an earlier route matches everything it matches."
        case .uncoveredPair: "An offered method and currency that no route matches."
        case .acquirerCannotSettle: "A route's acquirer, or one of its fallbacks, cannot settle the region's settlement currency."
        case .duplicateRouteName: "Two routes with the same name."
        case .routeMethodNotOffered: "A route matches a method the region does not offer."
        case .routeCurrencyNotPresented: "A route matches a currency that is not a presentment currency."
        case .missingCatalog: "The regions directory has no catalog.yaml."
        case .noRegions: "The regions directory has no region descriptors."
        case .duplicateCatalogId: "An id declared twice across payment methods and acquirers."
        case .misnamedInput: "A file that looks like a descriptor but is not read (its extension is not lower-case `.yaml` or `.yml`)."
        case .duplicateInput: "The same input twice under both extensions (`catalog.yaml` and `catalog.yml`)."
        case .currencyNotOffered: "A presentment currency that no payment method offers."
        case .currencyWithoutLimit: "A presentment currency with no per-payment limit."
        case .blackoutOutsideWindow: "A blackout entirely outside the availability window."
        case .pilotReachesNobody: "A pilot with percent 0 and an empty allow list reaches no merchant."
        case .schemaLine: "The `# yaml-language-server: $schema=` line is missing or names the wrong schema."
        case .aboveWalletCap: "A region lets a wallet's payments go above the wallet's own cap (catalog.yaml `caps`)."
        case .belowWalletMinimum: "A region lets a wallet's payments go below the wallet's own minimum (catalog.yaml `caps`)."
        case .finerThanCash: "An amount with fractions of a unit in a currency paid in whole units (CLDR cash digits 0), e.g. IDR, PKR."
        case .calendarMarketMismatch: "A calendar's market does not match its file name."
        case .calendarDateOutsideYear: "A holiday or half day listed under another year than its own."
        case .calendarDuplicateDate: "A date listed twice in a calendar (as holiday or half day)."
        case .calendarHorizonOutsideYears: "A calendar's `through` is not inside its listed years."
        case .calendarYearsNotContiguous: "A calendar skips a year between its first year and `through`."
        case .calendarInvalidYear: "A key under `years` that is not a four-digit year."
        case .unknownCalendar: "A market in `settlement.calendars` with neither a calendar file nor a region's own lists."
        case .calendarMissingYear: "A calendar lacks a year a live or pilot region's window needs."
        case .calendarHorizonPassed: "A live region depends on a calendar whose horizon has passed (as of --as-of)."
        case .duplicateCalendar: "Two calendar files describe the same market."
        case .unsourcedCalendar: "A region's own weekend and holidays stand in for a market without a calendar file."
        case .calendarHorizonSoon: "A live or pilot region's calendar horizon is less than 90 days after --as-of."
        case .calendarHorizonInsideWindow: "A live or pilot region's calendar horizon ends inside its availability window."
        case .estimatedDateSoon: "An estimated (not yet announced) calendar date within 60 days of --as-of."
        case .calendarNotFollowed: "The settlement currency's home market has no calendar, so payouts do not follow it."
        case .fallbackRepeatsAcquirer: "A route's `fallback` names its primary acquirer, or one acquirer twice."
        case .tooManyRouteAcquirers: "A route names more than 64 acquirers (its primary and fallbacks)."
        case .healthPolicyOutOfRange: "An acquirer health policy value out of range (percent 0..100, counts at least 1, durations above 0 and at most 7 days, ejection at most max_ejection)."
        case .singleUsableAcquirer: "A live or pilot region's route has one usable (enabled) acquirer: its outage declines every payment the route takes."
        case .noEnabledAcquirer: "Every acquirer of a route is disabled (`enabled: false`): every payment it takes is declined."
        case .stepOnNonBusinessDay: "A scheduled step on a day that is not a business day in the region's settlement calendars."
        case .stepOutsideBusinessHours: "A scheduled step outside the region's local business hours (`business_hours`, default 09:00 to 18:00)."
        case .stepPastCalendarHorizon: "A scheduled step after the horizon (`through`) of a calendar the region's payouts follow."
        case .pilotPercentLowered: "A scheduled step lowers a pilot's percent: merchants already in are dropped."
        case .pilotMethodInLiveRegion: "A method whose own status is `pilot` while its region is `live`: it reaches no merchant (a pilot method follows its region's rollout, and a live region has none)."
        case .ignoredInput: "An entry of the input directory that is not read (not a `.yaml` or `.yml` file)."
        }
    }
}
