import ShelfConfig
import ShelfCore
import ShelfHTTP
import ShelfStore

/// Takes a page view from `beacon.js`. Every answer is a bodiless 204 or 400: the page that
/// sent it never waits on it and never shows anything about it, and a bot learns nothing by
/// being dropped.
enum Beacon {
    static func receive(_ request: Request, _ context: FunctionContext) throws -> Response {
        guard let payload = BeaconPayload(request.body) else { return Response(status: 400) }
        guard let path = PagePath.clean(payload.path) else { return Response(status: 400) }
        if BotRules.isBot(request) { return noContent }
        if context.config.analytics.respectDoNotTrack, BotRules.asksNotToBeTracked(request) { return noContent }
        guard PagePath.isOnSite(path, siteFolder: context.root + "/site") else { return Response(status: 400) }
        let store = try context.store()
        let ownHost = context.config.baseURL.split(separator: "/").dropFirst().first.map(String.init) ?? ""
        let event = AnalyticsEvent(
            .pageView, path: path, product: PagePath.product(of: path) ?? "",
            referrer: payload.referrer == ownHost.lowercased() ? "" : payload.referrer, utmSource: payload.utmSource,
            utmMedium: payload.utmMedium, utmCampaign: payload.utmCampaign, screen: payload.screen)
        try store.record(
            event, visitor: try VisitorHash.of(request, context, in: store), now: context.clock.now(),
            perMinute: context.config.analytics.beaconsPerMinute)
        return noContent
    }

    static let noContent = Response(status: 204, headers: [("Cache-Control", "no-store")])
}
