import Foundation
import Testing
@testable import RegionCompiler

/// Facts the shipped catalog.yaml must keep: which wallets are Alipay+ methods, and that
/// every recorded cap names its source.
@Suite struct ShippedCatalogTests {
    static func catalog() throws -> Catalog {
        let files = try InputLoader.load(directory: ShippedRegionsTests.regionsDirectory).files
        let file = try #require(files.first { $0.name == DescriptorCompiler.catalogName })
        let root = try #require(YAMLComposer.compose(file).root)
        let reader = FieldReader(primaryFile: file.displayPath, rootLocation: root.location)
        let catalog = CatalogDecoder(reader: reader).decode(root)
        #expect(reader.diagnostics.isEmpty, "\(reader.diagnostics)")
        return catalog
    }

    /// Antom lists Alipay+ methods for buyers from these markets only
    /// (https://docs.antom.com/ac/cashierpay/payment_method).
    static let alipayPlusMarkets: Set<String> = ["CN", "HK", "TH", "MY", "PH", "ID", "KR"]

    @Test func alipayPlusWalletsComeFromTheMarketsAntomLists() throws {
        let methods = try Self.catalog().methods.values
        #expect(!methods.isEmpty)
        for method in methods where method.alipayPlus == true {
            #expect(Self.alipayPlusMarkets.contains(method.walletRegion.rawValue), "\(method.id.value)")
        }
        for method in methods where !Self.alipayPlusMarkets.contains(method.walletRegion.rawValue) {
            #expect(method.alipayPlus == false, "\(method.id.value) must say alipay_plus: false")
        }
    }

    @Test func antInvestedWalletsAreNotPresentedAsAlipayPlus() throws {
        let methods = try Self.catalog().methods
        #expect(methods["BKASH"]?.alipayPlus == false)
        #expect(methods["EASYPAISA"]?.alipayPlus == false)
        #expect(methods["PAYTM"] == nil && methods["JAZZCASH"] == nil)
    }

    @Test func everyCapNamesItsSourceAndAPeriodCapIsNotAPerPaymentCap() throws {
        let methods = try Self.catalog().methods
        for method in methods.values {
            guard let caps = method.caps else { continue }
            #expect(caps.source?.value.hasPrefix("https://") == true, "\(method.id.value)")
        }
        let gcash = try #require(methods["GCASH"]?.caps)
        #expect(gcash.perPaymentMax == nil && gcash.perDay?.value.description == "100000.00 PHP")
        #expect(methods["ALIPAY_HK"]?.caps?.perPaymentMax?.value.description == "50000.00 HKD")
        #expect(methods["TNG_EWALLET"]?.caps?.perPaymentMax?.value.description == "20000.00 MYR")
        #expect(methods["DANA"]?.caps?.perPaymentMin?.value.description == "300.00 IDR")
    }

    /// Antom's page for the wallet (https://docs.antom.com/ac/antomop/rabbitlinepay) calls it
    /// LINE Pay and gives 0.01 to 50,000 THB per payment: recorded, so a TH limit above it is caught.
    @Test func linePayKeepsItsCodeWithAntomsNameAndCaps() throws {
        let linePay = try #require(try Self.catalog().methods["RABBIT_LINE_PAY"])
        #expect(linePay.name == "LINE Pay")
        #expect(linePay.caps?.perPaymentMin?.value.description == "0.01 THB")
        #expect(linePay.caps?.perPaymentMax?.value.description == "50000.00 THB")
        #expect(linePay.caps?.source?.value == "https://docs.antom.com/ac/antomop/rabbitlinepay")
    }
}
