# Articles of Kazakhstan's codes used in this work (codes in komek_domain::law).
