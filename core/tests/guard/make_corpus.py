#!/usr/bin/env python3
"""Writes corpus.tsv, the guard's labelled corpus: `label<TAB>kind<TAB>text`.

Sensitive lines carry identifiers whose keys are computed here from each format's
published rules (NIR key, Belgian check, IBAN and RIB mod 97, Luhn), so none is invalid.
Ordinary lines are written by hand, plus numbers of the same shapes with a wrong key,
which the guard must let through. Seeded: the output is the same on every run.

    python3 core/tests/guard/make_corpus.py > core/tests/guard/corpus.tsv
"""
import random
import string

R = random.Random(1307)
NBSP, NNBSP = "\u00a0", "\u202f"

def pick(xs):
    return R.choice(xs)

# ---------- check digits ----------
def nir(corsica=False, valid=True):
    sex = pick("12")
    yy = R.randint(0, 99)
    mm = R.randint(1, 12)
    if corsica:
        dept = pick(["2A", "2B"])
    else:
        dept = "%02d" % pick([d for d in range(1, 96) if d != 20])
    commune = R.randint(1, 990)
    order = R.randint(1, 999)
    body = "%s%02d%02d%s%03d%03d" % (sex, yy, mm, dept, commune, order)
    n = int(body.replace("2A", "19").replace("2B", "18"))
    key = 97 - n % 97
    if not valid:
        key = (key + R.randint(1, 95)) % 97 + 1
        if key == 97 - n % 97:
            key = key % 97 + 1
    return body, "%02d" % key

def nir_text(body, key, style):
    if style == 0:
        return "%s %s %s %s %s %s %s" % (body[0], body[1:3], body[3:5], body[5:7], body[7:10], body[10:13], key)
    if style == 1:
        return body + key
    if style == 2:
        return "%s %s" % (body, key)
    return "%s.%s.%s.%s.%s.%s.%s" % (body[0], body[1:3], body[3:5], body[5:7], body[7:10], body[10:13], key)

def belgian(after2000=False, valid=True):
    while True:
        yy, mm, dd = R.randint(0, 99), R.randint(1, 12), R.randint(1, 28)
        order = R.randint(1, 997)
        first = "%02d%02d%02d%03d" % (yy, mm, dd, order)
        base = int(("2" if after2000 else "") + first)
        check = 97 - base % 97
        if not valid:
            other = 97 - int(("" if after2000 else "2") + first) % 97
            bad = [c for c in range(1, 98) if c not in (check, other)]
            check = pick(bad)
        return first + "%02d" % check

def belgian_text(v, style):
    if style == 0:
        return "%s.%s.%s-%s.%s" % (v[0:2], v[2:4], v[4:6], v[6:9], v[9:11])
    if style == 1:
        return v
    return "%s %s %s %s %s" % (v[0:2], v[2:4], v[4:6], v[6:9], v[9:11])

def mod97(s):
    return int("".join(str(int(c, 36)) for c in s)) % 97

LENGTHS = {"FR": 27, "BE": 16, "DE": 22, "ES": 24, "IT": 27, "LU": 20, "NL": 18, "PT": 25, "CH": 21, "MC": 27}

def rib_key(bank, branch, account):
    table = {}
    for i, letters in enumerate(["AJ", "BKS", "CLT", "DMU", "ENV", "FOW", "GPX", "HQY", "IRZ"]):
        for l in letters:
            table[l] = str(i + 1)
    acc = "".join(table.get(c, c) for c in account)
    return 97 - (89 * int(bank) + 15 * int(branch) + 3 * int(acc)) % 97

def bban(country):
    n = LENGTHS[country] - 4
    if country in ("FR", "MC"):
        bank = "%05d" % R.randint(10000, 30999)
        branch = "%05d" % R.randint(1, 99999)
        account = "".join(R.choice(string.digits) for _ in range(11))
        return bank + branch + account + "%02d" % rib_key(bank, branch, account)
    if country == "IT":
        return R.choice(string.ascii_uppercase) + "".join(R.choice(string.digits) for _ in range(n - 1))
    if country == "NL":
        return "".join(R.choice(string.ascii_uppercase) for _ in range(4)) + "".join(R.choice(string.digits) for _ in range(n - 4))
    return "".join(R.choice(string.digits) for _ in range(n))

def iban(country, valid=True):
    b = bban(country)
    check = 98 - mod97(b + country + "00")
    if not valid:
        check = (check + R.randint(1, 90)) % 97 + 2
        if check == 98 - mod97(b + country + "00"):
            check += 1
    return "%s%02d%s" % (country, check, b)

def grouped(v, size=4, sep=" "):
    return sep.join(v[i:i + size] for i in range(0, len(v), size))

def luhn_ok(d):
    s = 0
    for i, c in enumerate(reversed(d)):
        x = int(c)
        if i % 2 == 1:
            x *= 2
            if x > 9:
                x -= 9
        s += x
    return s % 10 == 0

def card(valid=True):
    kind = R.randint(0, 2)
    if kind == 0:
        prefix, n = "4" + "".join(R.choice(string.digits) for _ in range(5)), 16
    elif kind == 1:
        prefix, n = "5" + str(R.randint(1, 5)) + "".join(R.choice(string.digits) for _ in range(4)), 16
    else:
        prefix, n = pick(["34", "37"]) + "".join(R.choice(string.digits) for _ in range(4)), 15
    body = prefix + "".join(R.choice(string.digits) for _ in range(n - len(prefix) - 1))
    for c in string.digits:
        if luhn_ok(body + c) == valid:
            return body + c
    return body + "0"

def card_text(v, style):
    if len(v) == 15:
        return "%s %s %s" % (v[:4], v[4:10], v[10:]) if style != 1 else v
    return [grouped(v), v, grouped(v, sep="-"), grouped(v, sep=NBSP)][style % 4]

def fr_phone():
    first = pick("1234567996677")
    rest = "".join(R.choice(string.digits) for _ in range(8))
    return "0" + first + rest

def phone_text(v, style):
    pairs = [v[i:i + 2] for i in range(0, 10, 2)]
    styles = [
        " ".join(pairs), ".".join(pairs), "-".join(pairs), v, NBSP.join(pairs),
        "+33 " + v[1] + " " + " ".join(pairs[1:]), "+33" + v[1:], "0033 " + v[1] + " " + " ".join(pairs[1:]),
        "+33 (0)" + v[1] + " " + " ".join(pairs[1:]), NNBSP.join(pairs), "/".join(pairs),
    ]
    return styles[style % len(styles)]

def be_phone(style):
    if style % 3 == 0:
        d = "4" + str(R.randint(60, 99)) + "".join(R.choice(string.digits) for _ in range(6))
        return pick(["+32 %s %s %s %s" % (d[:3], d[3:5], d[5:7], d[7:]), "0%s %s %s %s" % (d[:3], d[3:5], d[5:7], d[7:]), "0032 %s %s %s %s" % (d[:3], d[3:5], d[5:7], d[7:])])
    if style % 3 == 1:
        d = "".join(R.choice(string.digits) for _ in range(7))
        return pick(["02 %s %s %s" % (d[:3], d[3:5], d[5:]), "+32 2 %s %s %s" % (d[:3], d[3:5], d[5:])])
    area = pick(["10", "65", "71", "81", "87", "67", "69"])
    d = "".join(R.choice(string.digits) for _ in range(6))
    return pick(["0%s %s %s %s" % (area, d[:2], d[2:4], d[4:]), "+32 %s %s %s %s" % (area, d[:2], d[2:4], d[4:])])

FIRST = ["jean", "marie", "monique", "bernard", "jacqueline", "michel", "francoise", "andre", "colette",
         "gerard", "nicole", "rene", "yvette", "daniel", "odile", "claude", "josiane", "robert", "paulette", "henri"]
LAST = ["dupont", "martin", "bernard", "lefebvre", "moreau", "garnier", "faure", "rousseau", "blanc",
        "guerin", "muller", "henry", "roussel", "nicolas", "perrin", "morel", "mathieu", "clement", "gauthier", "dumont"]
PROVIDERS = ["orange.fr", "wanadoo.fr", "gmail.com", "free.fr", "laposte.net", "sfr.fr", "hotmail.fr",
             "yahoo.fr", "outlook.fr", "skynet.be", "neuf.fr", "aliceadsl.fr", "icloud.com", "telenet.be", "mairie-vesoul.fr"]

def email():
    f, l = pick(FIRST), pick(LAST)
    local = pick([f + "." + l, f[0] + l, l + str(R.randint(1, 99)), f + "." + l + str(R.randint(40, 60)), f + "_" + l, f + "-" + l, l + "." + f])
    return local + "@" + pick(PROVIDERS)

WORDS = ["Soleil", "jardin", "Marseille", "chat", "Rose", "tulipe", "Bretagne", "minou", "papi", "Loulou", "mamie", "Printemps", "velo", "Caramel", "azerty"]

def password():
    w = pick(WORDS)
    style = R.randint(0, 4)
    if style == 0:
        return w + str(R.randint(1940, 2024)) + pick("!*#$")
    if style == 1:
        return w.capitalize() + str(R.randint(10, 99)) + str(R.randint(10, 99))
    if style == 2:
        return "".join(R.choice(string.ascii_letters + string.digits) for _ in range(10))
    if style == 3:
        return w.lower() + pick("@&#_") + str(R.randint(1, 99))
    return w.replace("a", "@").replace("o", "0").replace("e", "3") + str(R.randint(1, 9)) + "!"

STREETS = ["rue des Lilas", "avenue Jean Jaurès", "boulevard Voltaire", "allée des Tilleuls", "impasse du Moulin",
           "chemin des Vignes", "place de la République", "quai de la Loire", "rue Victor Hugo", "rue de la Gare",
           "avenue du Général de Gaulle", "bd Gambetta", "route de Lyon", "rue Pasteur", "cours Mirabeau",
           "allée Jean Moulin", "impasse des Peupliers", "rue du Stade", "square Saint-Exupéry", "rue des écoles",
           "chaussée de Charleroi", "avenue Louise", "rue du Marché", "place du Marché", "résidence Les Glycines"]
TOWNS = [("69003", "Lyon"), ("13001", "Marseille"), ("59000", "Lille"), ("35000", "Rennes"), ("31400", "Toulouse"),
         ("70000", "Vesoul"), ("87000", "Limoges"), ("21000", "Dijon"), ("29200", "Brest"), ("63000", "Clermont-Ferrand"),
         ("42000", "Saint-Étienne"), ("76600", "Le Havre"), ("20000", "Ajaccio"), ("97400", "Saint-Denis"), ("44000", "Nantes")]

out = []
def add(label, kind, text):
    assert "\t" not in text and "\n" not in text
    out.append("%s\t%s\t%s" % (label, kind, text))

# ---------- sensitive ----------
for i in range(26):
    b, k = nir(corsica=(i % 6 == 5))
    t = nir_text(b, k, i % 4)
    add("sensitive", "nir", pick([
        "Mon numéro de sécu : %s",
        "Pour ameli elle m'a dicté %s, je l'ai noté ici",
        "Carte Vitale de Mme R. : %s",
        "Il faut taper le numéro %s dans la case du haut",
        "Attestation de droits demandée pour %s",
        "NIR %s, à vérifier avec la CPAM",
        "Son numéro de sécurité sociale est %s.",
        "J'ai recopié %s depuis la carte vitale",
    ]) % t)
for i in range(16):
    v = belgian(after2000=(i % 3 == 0))
    t = belgian_text(v, i % 3)
    add("sensitive", "belgian_national_number", pick([
        "Numéro national de ma mère : %s",
        "Pour itsme il demande le registre national %s",
        "Sur sa carte d'identité belge : %s",
        "Mon numéro de registre national est le %s",
        "Elle a donné %s au guichet de la commune",
    ]) % t)
for i in range(26):
    c = pick(["FR"] * 5 + ["BE", "BE", "DE", "ES", "IT", "LU", "NL", "PT", "CH", "MC"])
    v = iban(c)
    t = pick([grouped(v), v, grouped(v), grouped(v).lower() if i % 7 == 0 else grouped(v)])
    add("sensitive", "iban", pick([
        "IBAN pour le virement de la retraite : %s",
        "Le RIB de mon fils : %s",
        "Mon IBAN est %s, il faut le mettre dans l'espace CAF",
        "Pour le prélèvement EDF j'ai donné %s",
        "Coordonnées bancaires %s à changer sur impots.gouv",
        "Compte joint %s",
        "Il a recopié %s dans le formulaire de la banque",
    ]) % t)
for i in range(5):
    v = iban("FR")[4:]
    t = "%s %s %s %s" % (v[:5], v[5:10], v[10:21], v[21:])
    add("sensitive", "iban", pick(["Relevé d'identité bancaire : %s", "Mon RIB (banque guichet compte clé) : %s", "RIB de la Poste %s"]) % t)
for i in range(22):
    v = card()
    t = card_text(v, i)
    add("sensitive", "payment_card", pick([
        "Carte bancaire %s pour payer le timbre fiscal",
        "Ma carte c'est %s, expire fin 2026",
        "Numéro de carte : %s",
        "Elle voulait payer l'amende avec la carte %s",
        "J'ai tapé %s mais le paiement est refusé",
        "Carte Visa de mon mari %s",
    ]) % t)
for i in range(44):
    if i % 4 == 3:
        t = be_phone(i)
    else:
        t = phone_text(fr_phone(), i)
    add("sensitive", "phone", pick([
        "Appeler Mme Girard au %s avant jeudi",
        "Mon portable : %s",
        "Le numéro de ma fille %s, elle peut m'aider le soir",
        "Tél %s",
        "Si besoin joindre Robert au %s",
        "Pour le covoiturage, appelez le %s.",
        "Son fixe c'est le %s",
        "Laisser un message au %s si la séance est annulée",
        "Numéro de téléphone pour la double authentification : %s",
    ]) % t)
for i in range(36):
    e = email()
    style = i % 9
    if style == 7:
        l, d = e.split("@")
        e = l + pick([" arobase ", " (at) ", " arobase "]) + d
    if style == 8:
        l, d = e.split("@")
        e = l + "[at]" + d
    add("sensitive", "email", pick([
        "Mon adresse mail : %s",
        "Écrire à %s pour le compte rendu",
        "Son e-mail est %s mais il ne le consulte jamais",
        "Le courriel de confirmation part sur %s",
        "Identifiant ameli = %s",
        "Envoyer les photos à %s",
        "J'ai créé l'adresse %s avec lui aujourd'hui",
        "Contact de la voisine : %s.",
    ]) % e)
for i in range(30):
    n = R.randint(1, 180)
    street = pick(STREETS)
    num = pick([str(n), str(n), str(n) + " bis", str(n) + "bis", str(n) + " ter", str(n) + ","])
    pc, town = pick(TOWNS)
    addr = pick(["%s %s" % (num, street), "%s %s, %s %s" % (num, street, pc, town), "%s %s %s %s" % (num, street, pc, town)])
    add("sensitive", "postal_address", pick([
        "J'habite au %s",
        "Adresse de M. Petit : %s",
        "Le colis doit aller au %s",
        "Elle a déménagé au %s, il faut changer l'adresse à la CAF",
        "Chez sa sœur, %s",
        "Nouvelle adresse à mettre sur impots.gouv : %s",
        "On peut faire la séance chez moi, %s",
    ]) % addr)
for i in range(8):
    pc, town = pick(TOWNS)
    add("sensitive", "postal_address", pick([
        "Elle habite rue des Acacias, %s %s",
        "Courrier à envoyer : résidence du Parc, bâtiment B, %s %s",
        "Domicile : lotissement Les Chênes, %s %s",
        "Adresse : BP 12, %s %s",
    ]) % (pc, town))
for i in range(18):
    n = "%07d" % R.randint(100000, 9999999)
    add("sensitive", "caf_number", pick([
        "Numéro CAF : %s",
        "Mon numéro d'allocataire est %s",
        "Pour la CAF il faut taper %s puis le code",
        "N° allocataire %s (Mme Leroy)",
        "Sur le courrier de la CAF il y a le numéro %s",
        "Allocataire %s, dossier APL en cours",
    ]) % n)
for i in range(18):
    n = "%07d" % R.randint(0, 9999999)
    v = n + R.choice(string.ascii_uppercase) if i % 3 != 2 else "%08d" % R.randint(0, 99999999)
    add("sensitive", "france_travail_id", pick([
        "Identifiant France Travail : %s",
        "Son identifiant Pôle emploi c'est %s",
        "Pour l'actualisation il faut l'identifiant %s",
        "France Travail : identifiant %s, mot de passe à refaire",
        "Demandeur d'emploi n° %s",
    ]) % v)
for i in range(40):
    pw = password()
    style = i % 10
    if style == 9:
        pw = pick(["chocolat", "tournesol", "marguerite", "framboise", "cerisier", "bonheur"])
        add("sensitive", "password", pick(["Mot de passe : %s", "mdp = %s", "Son mot de passe c'est « %s »", "Le mot de passe de la box est %s."]) % pw)
        continue
    add("sensitive", "password", pick([
        "Mot de passe ameli : %s",
        "mdp impots %s",
        "Le mot de passe de sa boîte mail est %s",
        "Code Wi-Fi de la salle : %s",
        "Mon mdp c'est %s pour tout",
        "J'ai noté %s sur le carnet, c'est celui de la banque",
        "Nouveau mot de passe = %s",
        "Pour France Connect : %s",
        "Mot de passe provisoire %s reçu par courrier",
        "Le mot de passe c'est %s mais il ne marche plus",
    ]) % pw)
for i in range(6):
    add("sensitive", "password", pick(["Code PIN de la carte : %04d", "Son code secret est %04d", "Le code du téléphone c'est le %04d (code PIN)"]) % R.randint(0, 9999))
for i in range(24):
    c = "%06d" % R.randint(0, 999999)
    if i % 5 == 4:
        c = "%04d" % R.randint(0, 9999)
    add("sensitive", "one_time_code", pick([
        "Code reçu par SMS : %s",
        "Le code de vérification est %s",
        "Il m'a lu le code de validation %s au téléphone",
        "Code de confirmation %s, valable 10 minutes",
        "J'ai reçu le code %s par texto mais la page a expiré",
        "Code de sécurité envoyé par la banque : %s",
        "Le code d'activation c'est %s",
    ]) % c)

# ---------- ordinary, with numbers of the same shapes and a wrong key ----------
for i in range(8):
    b, k = nir(valid=False)
    add("ordinary", "nir", pick(["Le numéro imprimé %s est faux, la clé ne correspond pas", "Exemple de format sur la notice : %s", "Numéro de dossier %s (pas un numéro de sécu)"]) % nir_text(b, k, 0 if i % 2 else 2))
for i in range(6):
    v = belgian(after2000=(i % 2 == 0), valid=False)
    add("ordinary", "belgian_national_number", pick(["Référence de commande %s", "Numéro de colis %s"]) % belgian_text(v, 2))
for i in range(8):
    v = iban(pick(["FR", "BE", "DE"]), valid=False)
    add("ordinary", "iban", pick(["L'IBAN du modèle %s est volontairement faux", "Sur l'exemple du livret : %s", "Format d'un IBAN : %s (exemple inventé)"]) % grouped(v))
for i in range(8):
    v = card(valid=False)
    if v.startswith("0"):
        continue
    add("ordinary", "payment_card", pick(["Numéro de suivi du colis : %s", "Référence du contrat %s", "Le numéro %s sur le ticket de caisse"]) % card_text(v, 0 if i % 2 else 2))

ORDINARY = r"""
Choisissez un mot de passe de 12 caractères au moins.
Ne donnez jamais votre code à personne, même au téléphone.
Un bon mot de passe : une phrase facile à retenir avec des chiffres.
Le mot de passe doit contenir 8 caractères dont 1 chiffre et 1 majuscule.
Mot de passe oublié : cliquer sur le lien en bas de la page.
Le code reçu par SMS ne se donne jamais, même à un conseiller.
Le code à 6 chiffres arrive par SMS, il est valable 10 minutes.
Ne notez pas votre mot de passe sur un post-it collé à l'écran.
Changez votre mot de passe tous les 3 mois si possible.
Le mot de passe est trop court, il faut en choisir un autre.
Mon mot de passe est bloqué après 3 essais, il faut attendre 24 heures.
Le mot de passe est personnel, on ne le prête pas.
Utiliser un gestionnaire de mots de passe comme celui du téléphone.
Le code de vérification n'arrive pas, vérifier que le téléphone capte bien.
Le code PIN de la carte ne se donne jamais, ni par téléphone ni par mail.
Si on vous demande votre code par SMS, c'est une arnaque.
La double authentification protège le compte même si le mot de passe est volé.
Mot de passe : au moins 12 caractères, pas de date de naissance.
Le mot de passe expire dans 90 jours, l'appli prévient avant.
Il a fallu trois tentatives pour le code de validation.
Elle ne se souvient plus de son mot de passe ameli, on a fait la réinitialisation ensemble.
Le code de confirmation arrive parfois au bout de 2 minutes.
Le mot de passe de la box est écrit au dos de la box, c'est normal.
Pour le code secret de la carte, la banque l'envoie par courrier.
Le mot de passe est le même partout : c'est dangereux, on en a parlé.
Mot de passe changé le 12/03/2024 avec l'aide de Jeanne.
Connexion à ameli.fr avec FranceConnect, ça marche bien.
Aller sur impots.gouv.fr puis Espace particulier.
Le site www.service-public.fr explique les démarches pour la carte grise.
Sur france-travail.fr l'actualisation se fait entre le 28 et le 15.
Le site de la CAF est caf.fr, l'appli s'appelle Caf - Mon Compte.
La Poste : suivi des colis sur laposte.fr avec le numéro du bordereau.
Pour l'ANTS le site est ants.gouv.fr, attention aux faux sites payants.
Le site mesdroitssociaux.gouv.fr résume toutes les aides.
Prendre rendez-vous sur doctolib.fr pour le vaccin.
Télécharger l'appli ameli sur le Play Store, version 7.2 minimum.
La mise à jour d'Android 14 a changé les menus.
Sur iOS 17.2 les réglages Wi-Fi sont dans Réglages puis Wi-Fi.
Windows 11 demande un compte Microsoft au démarrage.
La tablette Samsung est sous Android 13, il faut faire la mise à jour.
L'iPhone 12 de Monique ne charge plus, essayer un autre câble.
Rendez-vous le 3 mars à 14h30 à la médiathèque.
Séance du 12/03/2024 : 8 personnes, 2 nouvelles.
Prochaine séance le mardi 9 avril de 14h à 16h.
La déclaration de revenus est à faire avant le 23 mai.
Le timbre fiscal coûte 86 € pour le passeport.
Le timbre coûte 1,39 € depuis janvier.
La carte grise a coûté 276,76 € avec la taxe régionale.
Le chèque énergie fait 150 € cette année.
Il y a 45 % de réduction avec la carte senior.
Un abonnement à 9,99 €/mois, attention aux frais cachés.
Le forfait mobile est à 5,99 € par mois chez Free.
Nous étions 14 ce jeudi, dont 6 aidants.
En 2023 le groupe a aidé 120 personnes.
Depuis 2019 les impôts se déclarent en ligne.
La retraite est versée le 9 de chaque mois.
L'APL a baissé de 20 € en janvier.
Le numéro de l'Assurance maladie est le 3646, service gratuit.
France Travail répond au 3949.
La CAF répond au 3230, prix d'un appel normal.
Le 17 pour la police, le 15 pour le SAMU, le 112 partout en Europe.
Elle a 82 ans et n'a jamais eu d'ordinateur.
Le RDV à la France Services est à 10h15.
La France Services est ouverte du lundi au vendredi de 9h à 12h.
Télécharger l'attestation de droits sur ameli en PDF.
Pour la carte Vitale, il faut une photo et une pièce d'identité.
L'appli carte Vitale demande une vérification d'identité par la caméra.
Créer une adresse e-mail avec lui la semaine prochaine.
Penser à vérifier les spams quand un mail n'arrive pas.
Il ne faut jamais cliquer sur un lien reçu par SMS qui demande de payer.
Arnaque au colis : un SMS demande 1,99 € pour livrer, c'est faux.
Un faux conseiller bancaire a appelé Mme B., elle n'a rien donné.
La banque ne demande jamais de code par téléphone.
Le mail de l'Assurance maladie était un faux, l'adresse ne finissait pas par ameli.fr.
Activer la reconnaissance faciale sur le téléphone pour ne plus taper le code.
Le téléphone demande le code PIN après chaque redémarrage.
Le code du Wi-Fi est sur l'affiche à l'entrée de la salle.
Faire une capture d'écran : bouton volume bas et bouton marche en même temps.
Augmenter la taille du texte dans Réglages, Affichage.
Installer WhatsApp pour les photos des petits-enfants.
Les photos prennent 12 Go sur le téléphone, on a vidé la corbeille.
Le téléphone a 64 Go, il reste 3 Go de libre.
La batterie tient 2 jours si on coupe le Bluetooth.
Nous avons vu comment envoyer une pièce jointe en 5 étapes.
La déclaration de ressources trimestrielle se fait tous les 3 mois.
Le dossier de retraite complémentaire Agirc-Arrco est en cours.
Le relevé de carrière sur info-retraite.fr montre 168 trimestres.
Le simulateur de la CAF dit environ 230 € par mois.
Le numéro de dossier est sur le courrier, en haut à droite.
Le courrier de la CAF du 5 février demande une attestation.
Il faut scanner l'avis d'imposition 2023 pour le logement social.
L'avis de taxe foncière arrive en septembre.
Pour le prélèvement à la source, le taux est de 3,2 %.
Il a fallu 40 minutes d'attente au téléphone avec la CAF.
Madame L. ne sait pas où trouver ses courriers dans l'espace ameli.
Difficulté : le site impots.gouv.fr refuse la connexion depuis la tablette.
Difficulté : l'appli France Identité ne lit pas la carte d'identité.
Difficulté : la page de la CAF reste blanche sur le vieux navigateur.
Difficulté : il n'a pas de scanner pour envoyer les justificatifs.
Difficulté : l'écran est trop petit pour lire les formulaires.
Difficulté : elle a peur de se tromper et de perdre ses droits.
Astuce : photographier le document avec l'appli Notes pour le scanner.
Astuce : agrandir la page avec deux doigts.
Astuce : le bouton retour est en bas à gauche sur Android.
Astuce : enregistrer le site ameli.fr dans les favoris.
Astuce : demander un courrier papier si on n'est pas à l'aise.
Note : Robert a réussi seul sa déclaration cette année, bravo.
Note : revoir la messagerie la prochaine fois, il mélange les dossiers.
Note : Paulette veut apprendre les visios avec sa fille au Canada.
Note : on a fait 3 essais de visio, le son marche au troisième.
Les ateliers reprennent le 2 septembre, salle 4 du centre social.
Le centre social ferme du 1er au 15 août.
L'atelier débutants est au 2e étage, ascenseur à droite.
Le bus 12 s'arrête devant la médiathèque.
On se retrouve place de la mairie pour le covoiturage.
La France Services est rue de la Gare, à côté de la poste.
Le CCAS tient une permanence le mercredi matin.
Une conseillère numérique vient un jeudi sur deux.
Le groupe s'appelle Les Curieux du Mardi.
Atelier tablette du lundi
Les Amis de la Médiathèque
Café numérique de Vesoul
Groupe des Tilleuls
Salle polyvalente
Médiathèque, salle du 1er étage
Bibliothèque municipale
Mamie Jo
Dédé
Le petit Louis
Compte rendu : 6 séances, 38 participations, 11 personnes différentes.
Rapport annuel : 72 % des personnes se disent plus autonomes.
Cette année 15 personnes de plus de 70 ans ont rejoint le groupe.
Le budget de 1 500 € a servi à acheter 3 tablettes.
La subvention de la mairie est de 2 000 € pour 2024.
Nous avons reçu 4 tablettes d'occasion de l'association.
Le vidéoprojecteur de la salle marche avec un câble HDMI.
La connexion 4G capte mal au fond de la salle.
Le Wi-Fi de la médiathèque coupe au bout de 2 heures.
Pour l'attestation fiscale, il faut aller dans Documents puis Avis.
La CAF a demandé la fiche de paie de mars, envoyée le 14.
Le dossier APL est complet, réponse sous 2 mois.
La prime d'activité se renouvelle tous les trimestres.
Le RSA est versé le 5 du mois.
Aide à l'actualisation France Travail chaque mois à partir du 28.
Inscription à France Travail faite ensemble, elle a tout saisi elle-même.
Le conseiller France Travail a proposé un atelier CV le 18 juin.
Pôle emploi est devenu France Travail en janvier 2024.
Le compte formation (CPF) affiche 800 € de droits.
Elle cherche un numéro de téléphone pour joindre la CAF, on a trouvé le 3230.
La Poste propose l'identité numérique, il faut passer au guichet.
L'Identité Numérique La Poste demande de scanner la carte d'identité.
Pour la banque en ligne, l'appli envoie une notification à valider.
Valider le paiement dans l'appli de la banque, pas par SMS.
La carte bancaire expire en 06/26, la nouvelle arrive par courrier.
Le plafond de la carte est de 300 € par semaine.
Faire opposition sur la carte : appeler le numéro au dos de la carte.
Le virement met 1 à 3 jours ouvrés.
Ajouter un bénéficiaire prend 72 heures chez certaines banques.
Le relevé de compte de mars est dans l'espace client, rubrique e-Documents.
Il faut 2 justificatifs de domicile de moins de 3 mois.
Le justificatif de domicile peut être une facture d'électricité.
La photo d'identité doit avoir un code, le photomaton le donne.
Le numéro de pré-demande ANTS est à apporter en mairie.
Rendez-vous passeport en mairie le 22 à 9h40.
La mairie de Lure a des créneaux le samedi matin.
Les 3 personnes du groupe débutants ont envoyé leur premier mail.
Apprendre à faire un copier-coller : 2 séances.
Le clavier de la tablette met les majuscules tout seul au début des phrases.
La touche Maj sert aux majuscules, la touche 123 aux chiffres.
Il faut taper l'arobase avec la touche Alt Gr et le 0.
Une adresse mail ressemble à prenom.nom suivi d'une arobase et d'un fournisseur.
Le fournisseur de la messagerie peut être Orange, Gmail ou La Poste.
On a vu la différence entre un identifiant et un mot de passe.
L'identifiant fiscal est sur l'avis d'impôt, en haut à gauche.
Le numéro fiscal a 13 chiffres, on le tape sans espace.
Le numéro d'allocataire est sur chaque courrier de la CAF.
L'identifiant France Travail est sur la lettre d'inscription.
Le numéro de sécurité sociale a 15 chiffres avec la clé.
Ne jamais envoyer la photo de sa carte bancaire par message.
On ne garde pas les mots de passe des autres, chacun tape le sien.
L'aidant montre, la personne fait elle-même.
La charte du groupe a été relue le 4 octobre.
Tout le monde avance à son rythme, sans se presser.
Quand c'est trop compliqué, on passe la main à la France Services.
Le dossier de surendettement, c'est avec l'assistante sociale.
Pour la succession, voir le notaire, pas le groupe.
Elle voulait qu'on fasse sa déclaration à sa place : on l'a fait avec elle.
Il y avait 20 minutes de retard à cause des travaux.
Prévoir 1h30 pour la première séance.
Apporter sa tablette chargée à 100 %.
Le chargeur USB-C est dans le tiroir du bureau.
La version 2.4.1 de l'appli corrige le bug de connexion.
Mettre à jour Chrome vers la version 124.
Le navigateur Firefox 115 est encore compatible.
Le Raspberry Pi 4 de la salle sert de borne.
La TNT passe en HD, il faut un décodeur compatible.
Réservation SNCF sur sncf-connect.com, billet à 29 € pour Dijon.
La carte Avantage Senior coûte 49 € par an.
Le train de 8h12 arrive à 9h47.
Le bus coûte 1,50 € le trajet, 15 € les dix.
Elle a gagné 3 points au quiz de sécurité.
La boîte mail est pleine à 98 %, supprimer les vieux messages.
Il a 2 347 mails non lus, on a fait le tri ensemble.
Les 10 commandements de la sécurité en ligne, fiche page 2.
Fiche n°3 : reconnaître un faux SMS.
Fiche n°12 : envoyer une photo par mail.
Chapitre 4, page 27 du guide.
Le guide de 48 pages est disponible à l'accueil.
Les 15 et 16 juin, fête de l'association.
Le 1er janvier 2025 les tarifs changent.
Entre 2020 et 2024 les démarches papier ont beaucoup diminué.
Un monsieur de 91 ans a fait sa première visio.
Il y a 3 ans elle ne savait pas allumer l'ordinateur.
On a mis 25 minutes pour trouver le bon formulaire.
Cerfa 15186 pour la demande de logement, sur service-public.fr.
Le formulaire cerfa n°12100 est rempli en ligne.
Le code postal de la salle est indiqué sur l'affiche.
Dans le formulaire, le code postal et la ville se remplissent ensemble.
La case code postal refuse les espaces.
Le code de la route se révise sur une appli.
Le QR code de l'attestation se scanne avec l'appareil photo.
Le code promo du magasin ne marche pas en ligne.
Scanner le QR code affiché à l'entrée pour le Wi-Fi.
Le code couleur de la fiche : vert pour facile, rouge pour difficile.
Trois rues plus loin, il y a la France Services.
Il reste 2 places pour l'atelier du jeudi.
1 place disponible pour la sortie au musée.
Les cours de yoga sont le lundi, pas le mardi.
10 cours d'informatique sont prévus cet hiver.
Prendre la 2e rue à droite après la pharmacie.
La 1ère avenue après le rond-point mène au centre social.
Les 2 chemins possibles pour l'appli : par le site ou par le téléphone.
Une route de 30 km pour venir, le covoiturage aide.
75 ans et toujours curieuse.
En 2022, 85 % des démarches étaient en ligne.
Il a 12 petits-enfants et veut des photos de tous.
Sa fille vit à Montréal, 6 heures de décalage.
Le facteur passe vers 11h.
La lettre recommandée est à retirer à La Poste sous 15 jours.
Le numéro de suivi commence par 6A, on le tape sur laposte.fr.
L'avis de passage du facteur a un code barre.
Le colis pèse 2,5 kg, envoi à 9,40 €.
Lettre verte : 1,39 €, lettre prioritaire : 1,96 €.
J'ai appelé la banque, ils rappellent demain.
La conseillère de la banque a expliqué le virement instantané.
Il faut valider le virement dans l'appli sous 5 minutes.
Le message disait que le compte serait bloqué : c'était faux.
Un lien bizarre dans un mail de « l'Assurance Maladie », on l'a supprimé.
Le numéro qui a appelé commençait par 01 mais ce n'était pas la banque.
Pour signaler une arnaque par SMS, transférer au 33700.
Le site cybermalveillance.gouv.fr aide après une arnaque.
Le 3919 est le numéro d'écoute pour les violences.
Mme K. a un rendez-vous CAF mardi à 14h, elle ira seule.
Le bus de la France Services itinérante passe le 2e mercredi du mois.
La permanence de l'écrivain public est le vendredi de 14h à 17h.
Il préfère les démarches au guichet, on respecte son choix.
Les participants ont entre 65 et 89 ans.
Il a reçu 2 courriers de relance des impôts, on les a lus ensemble.
L'espace personnel ameli montre les remboursements des 6 derniers mois.
Le remboursement de 25,30 € est arrivé en 4 jours.
La mutuelle rembourse 70 % des lunettes.
Le médecin traitant se déclare sur ameli avec le formulaire S3704.
La carte Vitale perdue se redemande sur le compte ameli.
La MSA gère les agriculteurs à la place de la CAF.
La CARSAT envoie l'estimation de retraite à 62 ans.
Le jeudi 14 novembre, pas de séance (jour férié le 11).
Il faudra 4 séances pour être à l'aise avec la messagerie.
Objectif du trimestre : que chacun sache envoyer un mail seul.
Le projecteur est réservé de 14h à 17h.
On a installé l'appli La Poste, version 9.12.
Le téléphone Doro de Mme P. a de grosses touches.
Elle a un forfait 2 heures chez Orange à 7,99 €.
Il a résilié la box Free le 30 avril.
La fibre arrive dans le quartier en 2025.
Le débit est de 8 Mb/s, c'est lent pour la visio.
Problème : le mot de passe Wi-Fi a été changé par le technicien.
Problème : l'appli ameli demande un code reçu par SMS mais le numéro n'est plus le bon.
Problème : la CAF a suspendu l'aide faute de déclaration trimestrielle.
Problème : France Travail a radié Monsieur D. pour une actualisation oubliée.
Problème : le site des impôts affiche « service indisponible » depuis ce matin.
Problème : la Poste a perdu un recommandé, réclamation faite en ligne.
Le mot de passe doit être changé à la première connexion.
Le nouveau mot de passe doit être différent des 5 précédents.
Le code de connexion arrive sur le téléphone fixe par message vocal.
Le code de vérification a 6 chiffres.
Mot de passe à retenir : une phrase de 4 mots au hasard.
Ne jamais dire son code, même à un proche.
Le code secret de la carte est à garder en tête, pas dans le portefeuille.
Une question de sécurité remplace parfois le mot de passe.
""".strip().splitlines()
for line in ORDINARY:
    line = line.strip()
    if not line:
        continue
    kind = "none"
    add("ordinary", kind, line)

# A few ordinary lines with Unicode spaces and dashes.
add("ordinary", "none", "Rendez-vous le 3" + NBSP + "mars à 14" + NNBSP + "h" + NNBSP + "30, prix 12,50" + NNBSP + "€")
add("ordinary", "none", "Séance annulée du 2\u2013" + "4 avril, reprise le 9")
add("ordinary", "none", "Il reste 1" + NNBSP + "250" + NNBSP + "€ sur le budget 2024")
add("ordinary", "none", "Versions 16\u2014" + "17 d'iOS : même menu")

# Lines written by hand, without looking at the guard's code.
HAND = r"""
sensitive	phone	Rappeler Mme Dubois au 07 81 22 90 14 demain matin
sensitive	phone	son numéro : 06-45-78-12-09
sensitive	phone	tel. 0145789632
sensitive	phone	Joignable au +32 478 55 12 90 en semaine
sensitive	phone	Le fixe de Josette, 03.84.62.17.90, sonne dans le vide
sensitive	phone	portable de Gérard 06 12 34 56 78 / fixe 03 84 12 34 56
sensitive	phone	Appelle-moi au 0033 6 78 90 12 34
sensitive	phone	son gsm 0497 12 34 56
sensitive	email	Envoie-moi ça sur marcel.dupuis@free.fr stp
sensitive	email	mail : j.lemoine56@laposte.net
sensitive	email	Son adresse électronique est michele.roux@orange.fr.
sensitive	email	contact : lucienne arobase wanadoo.fr
sensitive	email	L'adresse c'est bernard.petit at gmail point com
sensitive	password	mot de passe provisoire: Kx7#pq2L
sensitive	password	Le code du wifi : LiveBox-8F3A
sensitive	password	mon mdp pour la banque c'est tournesol1956
sensitive	password	Le mot de passe de l'ordi est Biscotte!2
sensitive	password	J'ai gardé son mot de passe : papillon
sensitive	password	password: Zorro2019
sensitive	password	Elle utilise Marcel1948! partout
sensitive	one_time_code	Le SMS dit : votre code est 583920
sensitive	one_time_code	code de validation reçu : 4417
sensitive	one_time_code	Le code envoyé par texto, 692013, ne marche pas
sensitive	one_time_code	Entrer le code 381 992 reçu par SMS
ordinary	nir	n° sécu 2 54 11 75 112 048 57 : la clé ne colle pas, à revérifier
ordinary	none	mon numéro de sécurité sociale commence par 1 60, le reste est sur la carte
ordinary	iban	IBAN d'exemple faux : FR76 1027 8060 3100 0205 5750 125
sensitive	iban	IBAN BE71 0961 2345 6769
sensitive	payment_card	carte n° 4532 0151 1283 0366 exp 09/27
sensitive	payment_card	payer avec la 5425233430109903
sensitive	caf_number	Numéro allocataire CAF 2345678, dossier prime d'activité
sensitive	caf_number	Ma CAF : n° 0456123
sensitive	france_travail_id	Son identifiant pôle emploi : 4567123X
sensitive	france_travail_id	identifiant France Travail 09876543
sensitive	postal_address	Elle vit 8 rue Émile Zola à Besançon
sensitive	postal_address	Domicile : 27, avenue de la Libération, 25000 Besançon
sensitive	postal_address	RDV chez lui au 3 impasse des Coquelicots
sensitive	postal_address	Envoyer le courrier 14 bd de Strasbourg 75010 Paris
sensitive	postal_address	Il habite 112 chemin de la Croix, 38100 Grenoble
sensitive	postal_address	son adresse : 5 allée des Mésanges
ordinary	none	Le mot de passe doit faire au moins 12 caractères avec une majuscule
ordinary	none	Ne jamais communiquer son mot de passe par téléphone
ordinary	none	Le code secret ne se note jamais sur la carte
ordinary	none	On a réinitialisé le mot de passe d'ameli avec elle
ordinary	none	Mot de passe trop simple refusé par le site
ordinary	none	Un code reçu par SMS sans l'avoir demandé : ne rien faire
ordinary	none	Rendez-vous le 14/05/2024 à 10h00 à la France Services
ordinary	none	La séance dure 1h30, de 14h à 15h30
ordinary	none	Le loyer est de 450,00 € charges comprises
ordinary	none	La mise à jour iOS 17.4.1 a réglé le souci
ordinary	none	Android 12 sur la tablette Lenovo
ordinary	none	Allez sur www.ameli.fr puis Mon compte
ordinary	none	Le site impots.gouv.fr sera fermé dimanche
ordinary	none	Elle a 3 enfants et 7 petits-enfants
ordinary	none	En 1998 il travaillait à La Poste
ordinary	none	Il a cotisé 172 trimestres
ordinary	none	25 % des participants ont plus de 80 ans
ordinary	none	Le numéro gratuit 0800 est souvent une arnaque s'il demande un code
ordinary	none	Le formulaire 2042 est la déclaration de revenus
ordinary	none	Cotisation annuelle : 10 € par personne
ordinary	none	Le mot de passe Wi-Fi est affiché dans la salle
ordinary	none	Le mot de passe de la box se trouve sous la box
ordinary	none	Il ne retrouve pas son mot de passe France Connect
ordinary	none	Elle a changé son mot de passe toute seule !
ordinary	none	Le code de vérification est arrivé au bout de 5 minutes
ordinary	none	On a vu ensemble où trouver le numéro d'allocataire CAF
ordinary	none	La CAF a versé 312 € en mars
ordinary	none	L'identifiant France Travail se trouve sur le courrier d'inscription
ordinary	none	Aller au 2e étage, bureau 12
ordinary	none	Le centre est à 5 minutes de la gare
ordinary	none	Rue barrée à cause du marché, passer par derrière
ordinary	none	La médiathèque déménage place de l'Église en juin
ordinary	none	La rue de la Paix du Monopoly, on en a ri
ordinary	none	Version 3.2 de l'application, publiée le 2 février
ordinary	none	Le colis 6A12345678901 est en retard
ordinary	none	Pour 2025, 4 séances par mois
ordinary	none	Il faut 10 minutes pour remplir le formulaire
ordinary	none	De 9h à 12h et de 14h à 17h30
ordinary	none	Le compteur Linky affiche 12345 kWh
ordinary	none	Il a payé 1 250 € de taxe foncière
ordinary	none	La Poste de Vesoul ferme à 18h
ordinary	none	Windows 10 ne sera plus mis à jour après octobre 2025
ordinary	none	Le code PIN est demandé au démarrage du téléphone
ordinary	none	Les 4 chiffres du code PIN sont à retenir
ordinary	none	Mot de passe: à changer à la prochaine connexion
ordinary	none	Le code de la CAF ne s'affiche pas sur le vieux téléphone
ordinary	none	Difficulté avec le code reçu par SMS : il arrive trop tard
ordinary	none	Pensez à noter la date du rendez-vous : 03/06
ordinary	none	Elle a reçu 2 SMS frauduleux cette semaine
ordinary	none	L'appli La Poste demande un code à 4 chiffres
""".strip().splitlines()
for line in HAND:
    label, kind, text = line.split("\t")
    add(label, kind, text)

for line in out:
    print(line)
