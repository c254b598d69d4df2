import AWSCore
import Host
