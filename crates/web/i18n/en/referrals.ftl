# The referral network: the partner directory.

partners-title = Partner directory
partners-about = The organisations of the referral network: where to send a person, and who to call there.
partners-add = Add a partner
partners-edit = Edit the partner
partners-name = Name
partners-kind = Kind
partners-service = Service
partners-region = Region served
partners-inactive-too = Show inactive partners too
partners-none = No partner matches.
partners-country = Country
partners-regions = Regions
partners-regions-served = Regions of Kazakhstan served (none: the whole country or abroad)
partners-services = Services offered
partners-languages = Languages
partners-hours = Working hours
partners-active = Active: may be chosen for new referrals
partners-inactive = inactive
partners-everywhere = Everywhere
partners-focal-points = Focal points
partners-focal-points-hint = Staff of the partner to whom referrals go. Their names and contacts are stored encrypted.
partners-no-focal-points = No focal point is recorded.
partners-focal-name = Name
partners-focal-position = Position
partners-focal-email = E-mail
