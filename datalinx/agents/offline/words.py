"""The planner's own words: fillers that carry no meaning, keywords it acts on, numbers, months and concepts."""

from __future__ import annotations


def word_set(text: str) -> frozenset[str]:
    """The words of a block of text, one entry each (blocks group them for reading)."""
    return frozenset(text.split())


# Words that add nothing a pipeline could express; anything else left unmapped is reported as not understood.
FILLER = word_set(
    """
    a an the me my our us we i you your please can could would will shall should may might let lets show shows
    showing display give giving get getting list listing find finding fetch return returning see view want need
    needs like love tell know pull bring produce provide prepare make build create generate compute calculate work
    figure out up report all every any some each those these this that there here it its it's them they their
    theirs his her is are was were be been being am do does did done have has had having of for to in on at from
    with by into onto as about which who whom whose what where when that and or also then now too just only so
    well plus along together both either row rows record records entry entries line lines item data dataset
    datasets table tables file files result results column columns field fields value values info information
    details detail list lists set how s t d ll re ve thing things stuff gear ok okay hey hi hello thanks thank cheers
    hmm hm um uh oh well so lot lots please kindly quick quickly actually really basically maybe perhaps currently
    right now one ones kind but though just somebody someone anyone anybody people person persons subscriber
    subscribers client clients user users member members buyer buyers shopper shoppers folks care filter filtered
    filtering paid payed pay pays paying settled settle settles billed invoiced placed bought purchased worth ordered
    sold sell sells come comes coming came happened made earned earn brought brings booked
    payer payers payor payors purchaser purchasers orderer orderers
    yet ever once living lives live located based residing resident residents inclusive inclusively using holding
    """
)
# Conversation around a request: asking, politeness, who it is for, the generic nouns of a report.
CHATTER = word_set(
    """
    im i'm id i'd ive i've youre you're were we're wed we'd weve we've theyre its lets let's thats that's whats
    what's heres here's theres there's dont don't doesnt didnt isnt arent wasnt werent cant can't couldnt wouldnt
    wondering wonder curious interested interest looking look looks trying try tried hoping hope wish wishing
    grab pull pulled fetch retrieve retrieved obtain extract extracted present presented enumerate identify
    identified determine determined output outputs produce produced surface surfaced
    quick quickly fast asap soon briefly simply mind minding possible possibly able chance help helping
    boss manager team colleague colleagues meeting presentation dashboard analysis analyses review overview audit
    project task job purpose purposes sake regard regards respect respective respectively corresponding pertaining
    associated relevant relative regarding concerning concerns thereof therein whereby accordingly appropriate
    specifically particular particularly exactly precisely roughly approximately essentially generally ideally
    preferably
    everything anything something nothing everyone everybody whole entire overall altogether
    okay alright sure great awesome perfect nice cool thx ty pls plz yes yeah yep hey hiya dear team folks
    brilliant lovely ideal handy fab fantastic amazing wonderful helpful marvellous splendid superb
    again still already even ever further furthermore moreover additionally finally
    hi hello greetings morning afternoon evening
    kindly humbly politely
    rows' data's dataset's table's record's
    counted tallied tally break down broken breakdown summarise summarize summarised summarized summary aggregate
    aggregated group grouped split recorded listed given provided specified entered stored available
    belong belongs belonging fall falls falling sit sits sitting appear appears if generated generating generate
    counts enriched enrich extended augmented decorated containing contain contains
    whether preparing prepare prepared putting asked ask asking question questions send sending sent appreciate
    appreciated
    compile compiled gimme lemme wanna gonna gotta kinda sorta yo select selecting choose picked query queries
    request requested requesting interested curious mind take taking keep
    arithmetic comprising comprise comprises consisting furnish subset supplement supplemented restrict restricted
    attributable attributed represented representing among amongst calendar retain retaining respective
    alongside beside besides indicate specify outline depict highlight u ya ur omg lol lmao tbh btw idk imo honestly
    literally seriously guess ppl got gotten
    deduplicated nevertheless nonetheless anyway anyhow carry carries carrying
    """
)
FILLER = FILLER | CHATTER

# Planner keywords: recognised words the spelling fixer may correct towards, and never "corrects" away from.
# Verbs of getting in touch, which a spelling fix must keep ('ring support' is no 'bring').
CONTACT_VERBS = word_set("ring rings ringing rang rung phone phones phoned phoning contacted contacting")
KEYWORDS = word_set(
    """
    show list give find display select keep only just include including exclude excluding except without with not
    no non none never neither nor but where whose which who that having has have over above more greater larger
    bigger higher exceeding exceeds exceed than under below less fewer smaller lower least most at between and or
    to from through until till since after before during within equal equals is are was were same different other
    older younger newer earlier later cheaper expensive costlier heavier lighter longer shorter missing empty null
    nulls blank blanks unknown present known filled set total sum average avg mean median minimum min maximum max
    count number how many much distinct unique per by each every group grouped grouping broken split across
    breakdown daily weekly monthly quarterly yearly annual annually day week month quarter year date time sort
    sorted sorting order ordered ordering rank ranked ascending descending asc desc alphabetically alphabetical
    reverse reversed first last top bottom highest lowest largest smallest biggest latest earliest newest oldest
    recent limit limited sample random drop remove delete hide omit rename renamed call called name named label
    labelled labeled alias duplicate duplicates deduplicate dedupe dedup duplicated repeated keeping keep
    retaining fill replace replacing default defaulting impute forward backward previous next mode common frequent
    zero add adding derive derived compute computed new lower lowercase upper uppercase trim trimmed trimming case
    times multiplied divided plus minus difference ratio percent percentage join joined joining combine combined
    merge merged match matching matched along together their save saved saving store export exporting write
    writing output load warehouse csv parquet json ndjson jsonl file as replace overwrite append contains
    containing contain starts starting start begins beginning begin ends ending end like true false yes
    """
)

NUMBER_WORDS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
    "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "thousand": 1000, "dozen": 12,
}  # fmt: skip
MULTIPLIERS = {"k": 1_000, "thousand": 1_000, "m": 1_000_000, "mn": 1_000_000, "million": 1_000_000}

MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4, "may": 5,
    "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9, "sep": 9, "sept": 9,
    "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}  # fmt: skip
# Abbreviations that are also ordinary words are months only beside a year or a day number.
AMBIGUOUS_MONTHS = frozenset({"mar", "may", "jun", "dec", "sep"})
# Short words the planner must not "correct" (a three-letter typo is fixed towards a keyword): 'tue' is no 'true'.
ABBREVIATIONS = frozenset({"mon", "tue", "tues", "wed", "thu", "thurs", "fri", "sat", "sun", "mod", "incl", "ext"})
WEEKDAYS = {"monday": 1, "tuesday": 2, "wednesday": 3, "thursday": 4, "friday": 5, "saturday": 6, "sunday": 7}
# Holidays on the same day every year, by their words as the tokenizer leaves them ("new year's" -> new year).
HOLIDAYS = {
    ("christmas", "day"): (12, 25), ("christmas", "eve"): (12, 24), ("christmas",): (12, 25), ("xmas",): (12, 25),
    ("boxing", "day"): (12, 26), ("new", "year", "eve"): (12, 31), ("new", "year", "day"): (1, 1),
    ("halloween",): (10, 31), ("valentine", "day"): (2, 14), ("st", "valentine", "day"): (2, 14),
}  # fmt: skip
# Holidays whose day moves: (month, weekday from Monday = 0, which of them in the month (-1 the last), days after it);
# Easter's as None and days after Easter Sunday. Only those one calendar keeps (Mother's Day differs by country),
# and no bare 'Easter', which may be a long weekend.
MOVABLE_HOLIDAYS: dict[tuple[str, ...], tuple[int | None, int, int, int]] = {
    ("thanksgiving",): (11, 3, 4, 0), ("thanksgiving", "day"): (11, 3, 4, 0), ("black", "friday"): (11, 3, 4, 1),
    ("cyber", "monday"): (11, 3, 4, 4), ("memorial", "day"): (5, 0, -1, 0), ("labor", "day"): (9, 0, 1, 0),
    ("father", "day"): (6, 6, 3, 0), ("easter", "sunday"): (None, 6, 0, 0),
    ("easter", "monday"): (None, 0, 0, 1), ("good", "friday"): (None, 4, 0, -2),
}  # fmt: skip
# Seasons as the months they start and end in (the northern hemisphere's, by meteorological count); winter spans two
# years, so it is left out rather than guessed.
SEASONS = {"spring": (3, 5), "summer": (6, 8), "autumn": (9, 11), "fall": (9, 11)}
DECADES = {"twenties": 20, "thirties": 30, "forties": 40, "fifties": 50, "sixties": 60, "seventies": 70,
           "eighties": 80, "nineties": 90}  # fmt: skip

# Words people use for a column's idea, tried when no column is named by the word itself.
CONCEPTS: dict[str, tuple[str, ...]] = {
    "revenue": ("revenue", "sales", "turnover", "amount", "value", "spend", "spent", "spending", "money", "order total",
                "order value", "order amount", "sales amount", "takings", "proceeds", "gross sales"),
    "price": ("price", "cost", "costs", "priced", "costing", "price tag", "list price", "unit cost", "price per unit"),
    "quantity": ("quantity", "items", "units", "qty", "pieces", "amount", "number of items", "number of units",
                 "order size"),
    "email": ("email", "mail", "emails", "address", "addresses", "email address", "e mail", "mail address"),
    "phone": ("phone", "telephone", "mobile", "phone number", "telephone number", "mobile number", "number to ring",
              "number to call", "number to ring them on", "number to call them on", "number to reach them on"),
    "date": ("date",),
    "order_date": ("purchase date", "date ordered", "ordered on", "purchased on"),
    "signup": ("signup", "signups", "signed", "signed up", "sign up", "registered", "registration", "joined",
               "join date", "registration date", "became a customer", "became customers", "became our customers",
               "became a client", "became clients", "opened an account", "opened accounts", "opened their account",
               "opened their accounts", "created an account", "created their account", "set up an account",
               "made an account", "came on board", "come on board", "comes on board", "coming on board",
               "onboarded", "accounts were opened", "account was opened", "accounts opened", "accounts were created",
               "account was created", "accounts created", "accounts were set up", "accounts set up", "date they joined",
               "date joined", "date of joining", "date they signed up", "date they registered", "day they joined",
               "day they signed up"),
    "birth": ("birth", "born", "birthday", "date of birth", "dob", "birthdate"),
    "ship": ("ship", "shipped", "shipping", "shipment", "dispatched", "dispatch", "dispatch date", "shipping date",
             "went out", "gone out", "go out", "goes out", "sent out", "shipped out", "went out the door",
             "gone out the door", "go out the door", "goes out the door", "going out the door", "left the warehouse",
             "leave the warehouse", "leaves the warehouse", "left our warehouse", "left the depot"),
    "age": ("age", "old", "aged", "years old"),
    "tenure": ("tenure", "tenure length", "been with us", "a customer for", "a subscriber for", "subscribed for"),
    "contract": ("contract", "contract type", "contract length", "agreement", "agreement type", "agreement length"),
    "monthly": ("monthly fee", "monthly bill", "monthly cost", "monthly payment", "monthly charge", "monthly price",
                "monthly figure", "monthly amount"),
    "total_charges": ("lifetime bill", "lifetime bills", "lifetime charges", "lifetime billing", "lifetime spend",
                      "running total bill", "running bill", "total bill", "total bills", "bill to date",
                      "billed to date", "cumulative bill", "cumulative charges", "charges to date", "been billed"),
    "support": ("support calls", "service calls", "customer service calls", "calls to support"),
    "income": ("income", "earning", "earnings", "earns", "earn", "salary", "salaries", "household income", "earners",
               "earner", "bring home", "brings home", "brought home", "bringing home", "take home", "takes home",
               "took home", "taking home", "take home pay"),
    "region": ("region", "area", "areas"),
    "payment": ("payment", "payment type", "paying", "pays", "payment option", "payment mode", "settle their bill",
                "settles their bill", "settle their bills", "settle the bill", "pay their bill", "pays their bill",
                "pay their bills"),
    "internet": ("internet", "internet type", "internet plan"),
    "test": ("test",),
    "category": ("category", "categories", "type", "kind", "product type", "line of goods", "lines of goods",
                 "product line", "product lines", "product range", "product ranges", "range each item belongs to",
                 "range it belongs to", "range they belong to", "range each product belongs to"),
    "country": ("country", "countries", "nation", "nations", "destination", "destinations", "destination country",
                "destination countries", "country of destination", "shipping country", "delivery country"),
    "city": ("city", "cities", "town", "towns"),
    "segment": ("segment", "segments", "customer type", "customer segment", "tier", "tiers", "customer tier",
                "customer tiers"),
    "name": ("name", "names", "full name", "product title", "item name"),
    "status": ("status", "state", "order status", "order state"),
    "currency": ("currency", "currencies", "currency code"),
    "weight": ("weight", "mass", "weighing", "weighs", "weigh"),
    "churned": ("churned", "churn", "churning", "churner", "churners", "left", "leave", "leaving", "churn flag",
                "left us", "no longer with us", "no longer subscribed", "no longer a customer",
                "no longer customers", "lost", "quit", "quitted", "walked away", "cancelled their subscription",
                "canceled their subscription", "churn outcome", "churn outcomes", "churn result", "churn status",
                "cancelled on us", "canceled on us", "cancelling on us", "canceling on us", "cancel on us",
                "ended up cancelling", "ended up canceling", "ended up cancelling on us", "ended up canceling on us",
                "ended up leaving", "ended up leaving us", "ended up churning", "ended up quitting"),
    "split": ("split", "train test", "dataset split", "portion", "partition", "train test flag", "train test split",
              "train test label", "train test marker", "train test column"),
}  # fmt: skip

# Words of a place goods are sent to, naming a place only in a dataset of rows that ship.
SHIPPED_TO = frozenset({"destination", "destinations"})

# Comparison words -> operator, longest phrases first when matched.
GREATER = ("greater than", "more than", "larger than", "bigger than", "higher than", "over", "above", "exceeding",
           "exceeds", "exceed", "in excess of", ">", "after", "older than", "later than", "newer than",
           "costlier than", "more expensive than", "heavier than", "longer than", "tops", "topped", "topping",
           "north of", "upwards of", "upward of", "exceeded", "surpasses", "surpassed", "beyond")  # fmt: skip
AT_LEAST = ("at least", "no less than", "not less than", "minimum of", "min of", "or more", ">=", "from")
LESS = ("less than", "fewer than", "smaller than", "lower than", "under", "below", "<", "before", "younger than",
        "earlier than", "cheaper than", "lighter than", "shorter than", "less expensive than", "south of",
        "short of", "beneath")  # fmt: skip
AT_MOST = ("at most", "no more than", "not more than", "up to", "maximum of", "max of", "or less", "or fewer", "<=")

AGGREGATES: dict[str, str] = {
    "total": "sum", "sum": "sum", "summed": "sum", "sums": "sum", "totals": "sum",
    "average": "mean", "avg": "mean", "mean": "mean", "averages": "mean",
    "median": "median", "typical": "median",
    "minimum": "min", "min": "min", "smallest": "min", "lowest": "min", "earliest": "min", "cheapest": "min",
    "maximum": "max", "max": "max", "largest": "max", "highest": "max", "biggest": "max", "latest": "max",
    "priciest": "max", "peak": "max",
    "count": "count", "number": "count", "counts": "count",
}  # fmt: skip
TIME_UNITS = {
    "day": "day", "daily": "day", "days": "day", "date": "day",
    "week": "week", "weekly": "week", "weeks": "week",
    "month": "month", "monthly": "month", "months": "month",
    "quarter": "quarter", "quarterly": "quarter", "quarters": "quarter",
    "year": "year", "yearly": "year", "annual": "year", "annually": "year", "years": "year",
}  # fmt: skip

# English names of cities whose data often holds the local name.
EXONYMS = {
    "munich": "munchen", "cologne": "koln", "nuremberg": "nurnberg", "vienna": "wien", "naples": "napoli",
    "milan": "milano", "rome": "roma", "florence": "firenze", "venice": "venezia", "turin": "torino",
    "lisbon": "lisboa", "prague": "praha", "warsaw": "warszawa", "copenhagen": "kobenhavn", "brussels": "bruxelles",
    "antwerp": "antwerpen", "the hague": "den haag", "seville": "sevilla", "geneva": "geneve",
    "athens": "athina", "gothenburg": "goteborg", "frankfurt": "frankfurt am main", "hanover": "hannover",
    "brunswick": "braunschweig", "new york city": "new york", "nyc": "new york", "la": "los angeles",
}  # fmt: skip

# Words for the false side of a flag named by the first word: 'stayed' customers have churned = 0.
OPPOSITES = {
    "churned": ("stayed", "retained", "remained", "loyal", "active", "stay", "remain", "staying", "still with us",
                "still here", "still around", "still active", "still subscribed", "still on board", "stuck around",
                "stuck with us", "stayed with us", "stayed on", "stay with us", "staying with us", "remained with us",
                "still a customer", "still customers", "still subscribers"),
    "test": ("real", "actual", "genuine", "legitimate"),
}  # fmt: skip

# Words for a country's people, read as the country: 'German customers' are customers in Germany.
DEMONYMS = {
    "german": "germany", "french": "france", "spanish": "spain", "italian": "italy", "dutch": "netherlands",
    "british": "united kingdom", "english": "united kingdom", "american": "united states", "belgian": "belgium",
    "austrian": "austria", "swiss": "switzerland", "portuguese": "portugal", "irish": "ireland", "danish": "denmark",
    "swedish": "sweden", "norwegian": "norway", "finnish": "finland", "polish": "poland", "czech": "czechia",
    "greek": "greece", "canadian": "canada", "mexican": "mexico", "brazilian": "brazil", "chinese": "china",
    "japanese": "japan", "indian": "india", "australian": "australia",
}  # fmt: skip

# Verbs whose object is a dataset: 'never ordered' means no row in orders.
VERB_DATASETS = {"ordered": "orders", "bought": "orders", "purchased": "orders", "sold": "orders", "order": "orders",
                 "buy": "orders", "purchase": "orders"}  # fmt: skip

# Words that are never a value on their own, even where a column holds them ('none', 'other', 'all').
FUNCTION_WORDS = word_set(
    """
    a an the of in on at to for from by with as and or not no yes none all any some other others each every this
    that these those it its is are was were be been do does did have has had i we you they he she me us them my our
    your their his her there here what which who whom whose when where why how than then so if but unknown true false
    """
)

# Words in the name of a dataset whose rows are people: their key is "who" in a request.
PEOPLE = ("customer", "user", "client", "subscriber", "member", "buyer", "person", "people", "account")


def of_people(name: str) -> bool:
    """Whether a dataset's name says its rows are people ('customers', 'users', 'subscribers')."""
    return any(p in name.lower() for p in PEOPLE)


PERSONS = ("people", "persons", "folks")  # people said of no dataset: whichever in scope holds people

# Other nouns for a dataset's rows, used when the catalog has a dataset of that name.
DATASET_SYNONYMS = {
    "orders": ("purchases", "purchase", "sales", "sale", "transactions", "transaction"),
    "products": ("goods", "articles", "article", "merchandise", "skus", "sku", "catalogue items", "catalog items",
                 "catalogue entries", "catalog entries", "catalogue listings", "catalog listings",
                 "product catalogue", "product catalog", "product list"),
    "customers": ("clients", "client", "shoppers", "shopper", "buyers", "buyer"),
    "churn": ("subscribers", "subscriber", "subscriptions", "subscription", "subs"),
}  # fmt: skip

# Currencies named with their country's adjective: 'British pounds' is GBP, not Britain and pounds.
CURRENCY_PHRASES = {
    "british pound": "gbp", "british pounds": "gbp", "pound sterling": "gbp", "pounds sterling": "gbp",
    "us dollar": "usd", "us dollars": "usd", "american dollar": "usd", "american dollars": "usd",
    "single european currency": "eur", "european single currency": "eur", "common european currency": "eur",
    "european currency": "eur", "great british pounds": "gbp",
    "greenbacks": "usd", "american currency": "usd", "british currency": "gbp", "us currency": "usd",
    "japanese yen": "jpy", "swiss franc": "chf", "swiss francs": "chf", "indian rupee": "inr", "indian rupees": "inr",
}  # fmt: skip

# Plain words for the state a row is in, read as the stored state they describe ('waiting to go out': pending).
STATE_PHRASES = {
    "waiting to go out": "pending", "waiting to ship": "pending", "waiting to be shipped": "pending",
    "awaiting shipment": "pending", "awaiting dispatch": "pending", "yet to be shipped": "pending",
    "awaiting processing": "pending", "waiting for processing": "pending", "waiting to be processed": "pending",
    "yet to be processed": "pending", "not yet processed": "pending", "awaiting fulfilment": "pending",
    "awaiting fulfillment": "pending",
    "called off": "cancelled", "sent back": "returned", "brought back": "returned",
}  # fmt: skip
# Customers said by their size or kind, read as the segment that holds them (where data holds one).
_SEGMENTS = {
    "enterprise": ("corporate", "corporates", "large corporate", "big corporate", "corporation", "corporations",
                   "enterprises", "large companies", "big companies", "large businesses", "big businesses",
                   "big business", "large accounts", "key accounts"),
    "smb": ("small businesses", "small business", "small companies", "small firms", "small and medium businesses",
            "smes", "sme", "small and mid-sized businesses", "small and mid-sized business",
            "small and medium-sized businesses", "small and medium-sized business", "small and mid-size businesses",
            "small and midsize businesses", "small and midsized businesses", "small and medium enterprises"),
    "consumer": ("individuals", "private individuals", "households", "retail customers", "private customers"),
}  # fmt: skip
STATE_PHRASES |= {phrase: segment for segment, phrases in _SEGMENTS.items() for phrase in phrases}
# Internet service said by what carries it: DSL runs over a phone line, fibre over optical cable.
_CARRIERS = {
    "dsl": ("phone line", "phone lines", "telephone line", "telephone lines", "copper line", "copper lines",
            "copper wire", "landline", "the phone line", "broadband over the phone line"),
    "fiber": ("fibre optic", "fiber optic", "fibre optics", "fiber optics", "optical fibre", "optical fiber",
              "fibre optic cable", "fiber optic cable", "optical cable", "full fibre", "full fiber"),
}  # fmt: skip
STATE_PHRASES |= {phrase: service for service, phrases in _CARRIERS.items() for phrase in phrases}
# A cheque sent in the post is a mailed check (where data holds one); 'a cheque' alone may be electronic.
_POSTED = ("paper cheque", "paper cheques", "paper check", "paper checks", "cheque by post", "cheques by post",
           "check by mail", "checks by mail", "cheque in the post", "cheques in the post", "check in the mail",
           "checks in the mail", "paper cheques through the mail", "paper cheque through the mail",
           "cheques through the mail", "cheque through the mail", "posted cheque", "posted cheques",
           "mailed cheque", "mailed cheques", "cheque through the post", "cheques through the post")  # fmt: skip
STATE_PHRASES |= dict.fromkeys(_POSTED, "mailed check")
# Plans said by how often they renew: 'a monthly plan' is the month-to-month contract (where data holds one), and a
# rolling one ('rolling monthly contracts', 'a rolling contract') renews each month until cancelled.
for _noun in ("plan", "plans", "contract", "contracts", "subscription", "subscriptions", "deal", "deals"):
    STATE_PHRASES |= {f"monthly {_noun}": "month-to-month", f"month by month {_noun}": "month-to-month",
                      f"rolling monthly {_noun}": "month-to-month", f"rolling {_noun}": "month-to-month",
                      f"annual {_noun}": "one-year", f"yearly {_noun}": "one-year"}  # fmt: skip

SUPERLATIVES = (
    "most expensive", "least expensive", "cheapest", "priciest", "largest", "biggest", "smallest", "highest", "lowest",
    "latest", "newest", "most recent", "oldest", "earliest", "most", "least", "fewest", "greatest", "best", "worst",
    "youngest", "heaviest", "lightest",
)  # fmt: skip

# Three-letter country codes beside the two-letter ones data usually holds: 'USA' is US, 'DEU' is DE.
COUNTRY_CODES = {
    "us": "usa", "gb": "gbr", "de": "deu", "fr": "fra", "es": "esp", "it": "ita", "nl": "nld", "be": "bel",
    "at": "aut", "ch": "che", "pt": "prt", "ie": "irl", "dk": "dnk", "se": "swe", "no": "nor", "fi": "fin",
    "pl": "pol", "cz": "cze", "gr": "grc", "ca": "can", "mx": "mex", "br": "bra", "cn": "chn", "jp": "jpn",
    "in": "ind", "au": "aus",
}  # fmt: skip
