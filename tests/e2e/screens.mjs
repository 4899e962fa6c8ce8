// The screens of the app as the tests know them: path, id and title in both languages.
// Kept in step with core/src/screens.rs and app/locales/*.json by the shell test, which
// fails when a screen shows another title.
export const screens = [
  { id: "home", path: "/", fr: "Bienvenue", en: "Welcome" },
  { id: "skills", path: "/skills", fr: "Mes compétences", en: "My skills" },
  { id: "group", path: "/group", fr: "Mon groupe", en: "My group" },
  { id: "session", path: "/session", fr: "La séance du jour", en: "Today's session" },
  { id: "exchange", path: "/exchange", fr: "Échanger par code QR", en: "Exchange by QR code" },
  { id: "reports", path: "/reports", fr: "Bilan du groupe", en: "Group report" },
  { id: "settings", path: "/settings", fr: "Réglages", en: "Settings" },
];

/** Opens a screen and waits for the app to have drawn it. */
export async function open(page, screen) {
  await page.goto(screen.path);
  await page.locator(`[data-screen="${screen.id}"] h1`).waitFor();
}
