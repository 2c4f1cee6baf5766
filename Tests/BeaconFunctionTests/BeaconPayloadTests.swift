import Testing

@testable import BeaconFunction

/// What the beacon takes from `beacon.js`, and the bodies it refuses whole.
struct BeaconPayloadTests {
    func payload(_ text: String) -> BeaconPayload? { BeaconPayload(Array(text.utf8)) }

    @Test func aFullPageViewIsRead() throws {
        let read = try #require(
            payload(
                #"{"path":"/products/tee/","referrer":"News.Example","utm_source":"mail","utm_medium":"email","utm_campaign":"spring","width":390}"#
            ))
        #expect(read.path == "/products/tee/")
        #expect(read.referrer == "news.example")
        #expect(read.utmSource == "mail")
        #expect(read.utmMedium == "email")
        #expect(read.utmCampaign == "spring")
        #expect(read.screen == "phone")
    }

    @Test func widthsFallInClasses() {
        #expect(payload(#"{"path":"/","width":1000}"#)?.screen == "tablet")
        #expect(payload(#"{"path":"/","width":1366}"#)?.screen == "desktop")
        #expect(payload(#"{"path":"/"}"#)?.screen == "")
    }

    @Test(arguments: [
        #"{"path":"/","width":-1}"#, #"{"path":"/","width":1e99}"#, #"{"path":"/","width":100001}"#, #"{"path":"/","width":"390"}"#,
        #"{"width":390}"#, #"{"path":["/"]}"#, #"{"path":{"a":"/"}}"#, #"[[[[[[[[[[[[]]]]]]]]]]]]"#, #"{"path":"/","cookie":"x"}"#,
        #"{"path":"/\u0000"}"#, "not json", "",
    ])
    func malformedNestedOrUnknownBodiesAreRefused(text: String) {
        #expect(payload(text) == nil)
    }

    @Test func invalidUTF8IsRefused() {
        #expect(BeaconPayload(Array(#"{"path":"/"#.utf8) + [0xC3, 0x28] + Array(#""}"#.utf8)) == nil)
    }

    @Test func aReferrerThatIsNotAHostAndAnEmailInUTMAreDropped() {
        let read = payload(#"{"path":"/","referrer":"https://x.example/?q=1","utm_campaign":"ann@example.com"}"#)
        #expect(read?.referrer == "")
        #expect(read?.utmCampaign == "")
    }
}
