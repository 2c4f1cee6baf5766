extension Migration {
    /// When each recipient first opened a newsletter, for stores that turn the open pixel on
    /// (`[mail] track_opens`): null until the pixel is loaded, then the first time only.
    static let newsletterOpens = Migration(
        name: "newsletter_opens", statements: ["ALTER TABLE newsletter_recipients ADD COLUMN opened_at BIGINT NULL"])
}
